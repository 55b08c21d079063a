"""Evaluation against annotated corpora: LitBank and PDNC loaders, span and coreference scorers."""

from ficlens.evaluation.coref_metrics import (
    CorefScores,
    MetricScore,
    b_cubed,
    ceaf_e,
    ceaf_m,
    conll_f1,
    coref_scores,
    muc,
    sum_coref_scores,
)
from ficlens.evaluation.litbank import LitBankDoc, LitBankQuote, TokenIndex, load_litbank, token_char_span
from ficlens.evaluation.pdnc import (
    PdncCharacter,
    PdncMention,
    PdncNovel,
    PdncQuote,
    load_pdnc,
    quote_detection_score,
    speaker_matches,
    speaker_names,
)
from ficlens.evaluation.spans import Score, micro_average, prf

__all__ = [
    "CorefScores",
    "LitBankDoc",
    "LitBankQuote",
    "MetricScore",
    "PdncCharacter",
    "PdncMention",
    "PdncNovel",
    "PdncQuote",
    "Score",
    "TokenIndex",
    "b_cubed",
    "ceaf_e",
    "ceaf_m",
    "conll_f1",
    "coref_scores",
    "load_litbank",
    "load_pdnc",
    "micro_average",
    "muc",
    "prf",
    "quote_detection_score",
    "speaker_matches",
    "speaker_names",
    "sum_coref_scores",
    "token_char_span",
]
