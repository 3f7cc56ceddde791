"""Reports: background report jobs, their builders (PDF, DOCX, XLSX, CSV) and bulk downloads."""
