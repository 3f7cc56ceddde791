"""Regional reviews and the IMRF, submissions, pledges and generated reports."""
