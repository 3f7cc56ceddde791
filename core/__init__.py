"""Cross-cutting pieces: base model, domain errors, the API frame, uploads, public pages."""
