-- As-you-type search over customers: a contentless FTS5 trigram index (any 3+ characters,
-- from the middle of a word, a phone number or an IP) kept up to date by triggers.
-- detail = 'none' keeps no positions: a third of the cost of a full index to build. Queries
-- ask for every trigram of a term and check the candidates (src-main/db/customerStore.ts).
-- The body holds what an operator searches by: name, account number, phone digits, PPPoE username, IP.
CREATE VIRTUAL TABLE `customer_search` USING fts5(body, tokenize = 'trigram', content = '', contentless_delete = 1, detail = 'none');
--> statement-breakpoint
INSERT INTO `customer_search` (rowid, body) SELECT c.id, c.name || ' ' || c.account_no || ' ' ||
    replace(replace(replace(replace(replace(replace(replace(replace(c.phones, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '[', ''), ']', ''), '"', '') || ' ' ||
    coalesce(c.pppoe_username, '') || ' ' || coalesce(c.static_ip, '') FROM `customers` c;
--> statement-breakpoint
CREATE TRIGGER `customers_search_insert` AFTER INSERT ON `customers` BEGIN
  INSERT INTO `customer_search` (rowid, body) VALUES (new.id, new.name || ' ' || new.account_no || ' ' ||
    replace(replace(replace(replace(replace(replace(replace(replace(new.phones, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '[', ''), ']', ''), '"', '') || ' ' ||
    coalesce(new.pppoe_username, '') || ' ' || coalesce(new.static_ip, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_update` AFTER UPDATE OF name, account_no, phones, pppoe_username, static_ip ON `customers` BEGIN
  DELETE FROM `customer_search` WHERE rowid = old.id;
  INSERT INTO `customer_search` (rowid, body) VALUES (new.id, new.name || ' ' || new.account_no || ' ' ||
    replace(replace(replace(replace(replace(replace(replace(replace(new.phones, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '[', ''), ']', ''), '"', '') || ' ' ||
    coalesce(new.pppoe_username, '') || ' ' || coalesce(new.static_ip, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_delete` AFTER DELETE ON `customers` BEGIN
  DELETE FROM `customer_search` WHERE rowid = old.id;
END;
