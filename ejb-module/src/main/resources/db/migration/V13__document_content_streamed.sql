-- The documents' bytes are streamed (cn.cwca.portal.document.DocumentBytes): written with the JDBC driver's
-- setBinaryStream and read back in chunks with substring(content from .. for ..).
--
-- STORAGE EXTERNAL keeps the bytea out of line and uncompressed: PDF, JPEG and PNG are compressed already, so
-- PostgreSQL's pglz gains next to nothing on them, and substring on an uncompressed out-of-line value fetches only
-- the TOAST chunks of the slice instead of the whole value. It applies to files written from now on; the rows
-- already there are read the same way, only less cheaply.
alter table application_document alter column content set storage external;

-- The bytes are the size the row says (octet_length reads the value's header only, not the value).
alter table application_document
    add constraint application_document_content_size_ck check (octet_length(content) = size_bytes);
