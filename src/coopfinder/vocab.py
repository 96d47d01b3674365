"""The controlled vocabulary: ids with labels, in one place.

These ids are a public contract: they appear in the YAML data, on the command line and in
the JSON output. Add to them; never rename one.
"""

from __future__ import annotations

MEASURES: dict[str, str] = {
    "evidence": "mutual legal assistance / investigation order",
    "preservation": "expedited preservation of stored computer data",
    "extradition": "extradition or surrender (incl. provisional arrest)",
    "asset_recovery": "freezing, seizure, confiscation and return of assets",
    "jit": "joint investigation team",
    "police_info": "police-to-police information exchange",
    "transfer_of_prisoners": "transfer of sentenced persons",
    "transfer_of_proceedings": "transfer of criminal proceedings",
}

CRIMES: dict[str, str] = {
    "any": "any offence",
    "cyber": "cybercrime (offences against or by means of computer systems)",
    "drugs": "illicit drug trafficking",
    "corruption": "corruption",
    "terrorism": "terrorism",
    "trafficking": "trafficking in human beings",
    "smuggling": "smuggling of migrants",
    "money_laundering": "money laundering",
    "fraud": "fraud",
    "child_exploitation": "sexual exploitation of children",
    "organized_crime": "organised crime",
    "firearms": "illicit firearms trafficking",
    "core_international": "genocide, war crimes, crimes against humanity",
    "tax": "tax and customs offences",
    "torture": "torture (Convention against Torture)",
}

CHANNELS: dict[str, str] = {
    "direct_judicial": "directly between judicial authorities",
    "central_authority": "between central authorities",
    "diplomatic": "through diplomatic channels",
    "police": "police-to-police channel",
    "24_7_network": "24/7 point of contact network",
    "service_provider": "order addressed directly to a service provider",
    "single_point_of_contact": "single point of contact",
    "eurojust": "through Eurojust",
    "fiu": "between financial intelligence units (Egmont Group)",
    "unspecified": "channel not recorded in the data",
}

# What kind of legal basis an instrument is; `strength` below ranks them.
KINDS: dict[str, str] = {
    "eu_instrument": "EU instrument",
    "bilateral_treaty": "bilateral treaty or agreement",
    "multilateral_treaty": "multilateral treaty",
    "regional_treaty": "regional treaty",
    "non_binding_scheme": "non-binding scheme",
    "channel": "cooperation channel",
    "domestic_law": "requested state's domestic law",
    "reciprocity": "letters rogatory on reciprocity",
}

# Legal strength, strongest first (issue #2): mutual recognition > bilateral treaty >
# multilateral or regional treaty > non-binding scheme > reciprocity / domestic law >
# a police channel used to obtain evidence.
STRENGTHS: dict[str, str] = {
    "mutual_recognition": "mutual recognition instrument",
    "bilateral": "binding bilateral treaty",
    "multilateral": "binding multilateral or regional treaty",
    "non_binding": "non-binding scheme",
    "reciprocity": "reciprocity or the requested state's domestic law",
    "police": "police channel",
}

ADDRESSEES: dict[str, str] = {
    "state": "the requested state's authorities",
    "service_provider": "a service provider in the other state, directly",
}

RESERVATION_KINDS: dict[str, str] = {
    "nationals_not_extradited": "does not extradite or surrender its own nationals",
    "nationals_conditional": "surrenders its nationals only under conditions",
    "not_legal_basis_for_extradition": "does not take the instrument as a legal basis for extradition",
    "language": "requests must be in, or translated into, named languages",
    "channel": "requests must travel through a named channel",
    "dual_criminality": "requires dual criminality",
    "fiscal_offences": "reserves the right to refuse for fiscal offences",
    "political_offences": "reserves the right to refuse for political offences",
    "not_bound": "not bound (opt-out)",
    "other": "other reservation or declaration",
}

NATIONALS_POLICIES: dict[str, str] = {
    "yes": "extradites its nationals",
    "no": "does not extradite its nationals",
    "conditional": "extradites its nationals only under conditions",
    "unknown": "not recorded",
}

TREATY_NEEDS: dict[str, str] = {
    "yes": "needs a treaty",
    "no": "can act without a treaty (domestic law or reciprocity)",
    "unknown": "not recorded",
}

DEATH_PENALTY: dict[str, str] = {
    "abolitionist_all": "abolitionist for all crimes",
    "abolitionist_ordinary": "abolitionist for ordinary crimes only",
    "abolitionist_in_practice": "abolitionist in practice",
    "retentionist": "retentionist",
    "unknown": "not recorded",
}

# Warning codes carried in the JSON contract (`warnings[].code`).
WARNING_CODES: dict[str, str] = {
    "nationality": "the requested state may refuse to extradite its own nationals",
    "death_penalty": "assurances against the death penalty will be needed",
    "dual_criminality": "dual criminality is required",
    "reservation": "a reservation or declaration of a party attaches a condition",
    "scope_condition": "the instrument applies only under a condition on the offence",
    "not_recorded": "a fact that decides the answer is not in the data",
    "no_treaty": "the requested state needs a treaty and none binds the pair",
    "police_channel": "information from police channels is usually not evidence in court",
    "superseded": "replaced between these states by a newer instrument",
    "limits": "the instrument carries limits on who or what it reaches",
    "no_pathway": "no instrument binds both states for this question",
    "political_offence": "the requested state may refuse for a political offence",
    "fiscal_offence": "the requested state may refuse for a fiscal (tax, customs, exchange) offence",
    "military_offence": "offences under military law only are excluded",
    "ne_bis_in_idem": "refused if the person was already finally judged for the same acts",
    "speciality": "the person may be tried only for the offences extradited for (rule of speciality)",
    "minimum_penalty": "the offence must reach a minimum penalty",
    "suspended": "one state has suspended the instrument towards the other",
    "not_in_force": "the instrument is not in force on the date asked",
}

# Output formats of `route` (render.py writes them; the CLI offers them).
FORMATS: tuple[str, ...] = ("table", "json", "jsonl", "csv", "tsv", "markdown")
