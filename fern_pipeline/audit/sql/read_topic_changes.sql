-- This audit's topics beside the previous audit's: new, kept, gone.
SELECT topic_key, topic_id, status, label, conversation_count, previous_label, previous_count, similarity,
    previous_end
FROM audit_topic_changes
ORDER BY topic_key
