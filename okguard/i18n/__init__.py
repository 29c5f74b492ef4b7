"""Translatable messages for plain-Python code.

Domain code never formats user text itself: it returns :class:`Msg` values whose
template is the English sentence. The edge (CLI, GUI, letters) renders them in the
user's language from the catalog in ``resources/i18n/<lang>/*.yaml``, which maps each
English template to its translation. Qt widgets use Qt's own ``tr()`` instead.
"""

from okguard.i18n.messages import Msg, render, set_default_lang, translate

__all__ = ["Msg", "render", "set_default_lang", "translate"]
