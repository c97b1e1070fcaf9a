-- The audit trail becomes a hash chain (cn.cwca.portal.audit.AuditChain): each entry carries its place in the chain
-- (seq, 1, 2, 3, ... without gaps), the hash of the entry before it (prev_hash; 32 zero bytes for the first) and its
-- own SHA-256 over its content and prev_hash (entry_hash). The canonical encoding is defined once, in Java
-- (AuditHash); the entries written before this migration are chained by the application, in id order, at its
-- start and by the hourly signing job (AuditChainer), under the same advisory lock as the appends.
alter table audit_entry add column seq bigint;
alter table audit_entry add column prev_hash bytea;
alter table audit_entry add column entry_hash bytea;

alter table audit_entry add constraint audit_entry_seq_uq unique (seq);
alter table audit_entry add constraint audit_entry_chained_ck check (
    (seq is null and prev_hash is null and entry_hash is null)
    or (seq > 0 and octet_length(prev_hash) = 32 and octet_length(entry_hash) = 32));

-- The entries still to chain (only those written before this migration, or by a server not yet upgraded).
create index audit_entry_unchained_idx on audit_entry (id) where seq is null;

-- The audit page filters by actor, action and time.
create index audit_entry_occurred_idx on audit_entry (occurred_at);
create index audit_entry_actor_idx on audit_entry (actor, occurred_at);
create index audit_entry_action_idx on audit_entry (action, occurred_at);

-- The head of the chain signed with the CA's issuing key (CaConnection.signAuditHead): at most one a head.
create table audit_head_signature (
    seq        bigint      not null,
    head_hash  bytea       not null,
    signed_at  timestamp   not null,
    signature  bytea       not null,
    constraint audit_head_signature_pk primary key (seq),
    constraint audit_head_signature_hash_ck check (octet_length(head_hash) = 32)
);
