"""The page pipeline: view -> HTML (Jinja2) -> PDF (Qt) or DOCX (python-docx), and packs."""
