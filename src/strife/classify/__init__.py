"""Learned event-type classifier: PLOVER type, ACLED sub-event type and CAMEO root from one sentence."""

from strife.classify.model import EventClassifier, ModelNotFound, Prediction

__all__ = ["EventClassifier", "ModelNotFound", "Prediction"]
