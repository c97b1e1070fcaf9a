-- What an applicant has typed on a step of the wizard (证书信息填写, 取key方式) and not yet saved with 立即申请 or 下一步,
-- kept in the draft as it is typed, unchecked, so that a reload, a session timeout or a crash loses nothing (issue 5).
-- A JSON object of field names (cn.cwca.portal.application.InputField) to texts, written and read by the application
-- only (UncheckedInput); null when every step is saved. Text rather than jsonb: nothing queries inside it, and the
-- JDBC driver binds it as a plain string.
alter table certificate_application add column unchecked_input text;
