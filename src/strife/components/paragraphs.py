"""Paragraph breaks are sentence breaks.

Component ``strife_paragraphs`` runs before the parser and marks the first token after a blank
line (a whitespace token holding two newlines) as a sentence start, which the parser respects.
A byline or a list item then never fuses with the next paragraph's first sentence.
"""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("strife_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 1:
            doc[tok.i + 1].is_sent_start = True
    return doc
