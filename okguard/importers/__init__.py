"""Statement importers: file bytes -> normalised rows and row-level rejections.

No database, no Qt. Each importer identifies its format from content and streams
one item per data row (a ParsedTransaction or a RowRejection), so that
``rows_read == imported + skipped + rejected`` can be checked by the caller.
"""
