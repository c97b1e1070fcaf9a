-- The templates applicants download on step 4 (资料文件上传), replaceable by the administrators (issue 13, 目录维护):
-- a row is a PDF an administrator uploaded for a document type; the row not retired is the template served
-- (cn.cwca.portal.catalogue.DocumentTemplateService), none means the built-in one (FormRenderer). Nothing is
-- deleted: an upload retires the row it replaces, 恢复内置模板 retires the current row. The 《数字证书申请单》 is
-- filled in with the order's data and has no uploaded template.
create sequence document_template_seq start with 1 increment by 50;

create table document_template (
    id            bigint       not null,
    version       bigint       not null default 0,
    document_type varchar(40)  not null,
    file_name     varchar(255) not null,
    size_bytes    bigint       not null,
    sha256        char(64)     not null,
    content       bytea        not null,
    uploaded_at   timestamp    not null,
    uploaded_by   varchar(64)  not null,
    retired_at    timestamp,
    retired_by    varchar(64),
    constraint document_template_pk primary key (id),
    constraint document_template_type_ck check (document_type in ('SERVICE_AGREEMENT', 'SEAL_FORM',
        'POWER_OF_ATTORNEY')),
    constraint document_template_size_ck check (size_bytes > 0 and octet_length(content) = size_bytes),
    constraint document_template_retired_ck check ((retired_at is null) = (retired_by is null))
);

-- PDFs are compressed already (see V13).
alter table document_template alter column content set storage external;

-- One current template per document type at most.
create unique index document_template_current_uk on document_template (document_type) where retired_at is null;
