-- What each updated article changed, in the topics' priority order.
SELECT * FROM audit_article_changes
