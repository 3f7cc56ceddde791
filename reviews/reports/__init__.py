"""Report builders: gather the data, draw the charts, write PDF, DOCX, XLSX and CSV files."""
