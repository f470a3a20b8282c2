"""The Qt GUI: thin widgets and item models over the services of ``console``."""
