-- Step 1 of 更新, 变更 and 变更+更新: the certificate read from the applicant's USB key counts only with the key's proof
-- that it holds the certificate's private key (a signature over a server nonce, a key_challenge row of the purpose
-- 'apply:key-certificate'). When the key proved it (UTC); null for the other types and for the drafts and orders of
-- before (a draft without it is not submitted: its step 1 is saved again with the key).
alter table certificate_application add column certificate_key_proven_at timestamp;
alter table certificate_application add constraint certificate_application_key_proven_ck
    check (certificate_key_proven_at is null or certificate_der is not null);
