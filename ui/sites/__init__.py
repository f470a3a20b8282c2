"""The 站点 tab's widgets: scope tree, filters, detail pane, site form and bulk dialogs."""
