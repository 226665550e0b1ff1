"""Paragraph breaks are sentence breaks.

Component ``strife_paragraphs`` runs before the parser and marks the first token after a blank
line (a whitespace token holding two newlines) as a sentence start, which the parser respects.
A byline or a list item then never fuses with the next paragraph's first sentence. The token after a
news dateline ("KANO, Nigeria (Reuters) - ") starts a sentence too.
"""

from bisect import bisect_left

from spacy.attrs import IDX, IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from strife.dateline import find_datelines
from strife.doc_ext import doc_text


@Language.component("strife_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    if len(doc) < 2:
        return doc
    # only whitespace tokens are looked at (a spaCy Token per token of a long article is the cost here)
    for i in doc.to_array([IS_SPACE])[:-1].nonzero()[0].tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    # a dateline ("MOGADISHU (Reuters) - ") is no part of the lead's clause: the parser would make the
    # place its subject and the real subject an apposition
    datelines = find_datelines(doc_text(doc))
    if datelines:
        idx = doc.to_array([IDX]).tolist()
        for d in datelines:
            k = bisect_left(idx, d.end)
            if 0 < k < len(doc):
                doc[k].is_sent_start = True
    return doc
