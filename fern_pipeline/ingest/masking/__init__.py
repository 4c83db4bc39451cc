"""Masking, a stage of ingestion: personal data replaced by keyed pseudonyms before anything is stored.

``detect`` finds e-mail addresses, phone numbers, IBANs and card numbers; ``pseudonym`` keys their
tokens; ``mask`` replaces them in texts, JSON and Arrow columns; ``settings`` says what a source's load
does (its masker and retention).
"""
