"""Reports computed over analysed documents; each returns plain data or a DataFrame."""
