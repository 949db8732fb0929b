"""Badge stock and layouts as data, and ReportLab rendering. No Qt."""
