"""Personal data: masking with keyed pseudonyms at load, retention, and erasure that leaves no copy.

``detect`` finds e-mail addresses, phone numbers, IBANs and card numbers; ``pseudonym`` keys their
tokens; ``mask`` replaces them in texts, JSON and Arrow columns; ``settings`` says what a source's load
does; ``retention``, ``erase`` and ``compact`` remove what must go, leaving no copy in the file.
"""
