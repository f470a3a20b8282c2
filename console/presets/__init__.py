"""栏目预设 column presets: preset files, versions, plans and applying them, inspection risks."""
