-- When an organisation's 法定代表人 was last changed in the personal centre (UTC; null while it is the one registered),
-- set by the account itself when the personal centre changes it (issue 5). A 变更 compares it with the issue of the
-- certificate read from the key: the certificate does not carry the legal representative.
alter table account add column legal_representative_changed_at timestamp;

-- Changes made before this column existed are known only from the audit trail of the personal centre
-- (action account.profileUpdated, details "...; legalRepresentative: old -> new; ..."): take the latest once.
update account a
set legal_representative_changed_at = (
    select max(e.occurred_at)
    from audit_entry e
    where e.target = a.login_name
      and e.action = 'account.profileUpdated'
      and e.details like '%legalRepresentative:%')
where a.account_type = 'ORGANISATION';
