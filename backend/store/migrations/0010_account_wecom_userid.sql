-- The local directory (package backend/directory): the WeCom userid a sync
-- gives the member it creates for an account that is bound to none. '' means
-- the account itself (the default). The admin sets another one when the
-- account's name is already taken in WeCom by a different person; import
-- files call the column wecom_userid / 企业微信账号.
ALTER TABLE dir_accounts ADD COLUMN wecom_userid TEXT NOT NULL DEFAULT '';
