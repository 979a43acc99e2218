"""The jobseeker's service path: ordered steps of concrete services, each with a reason.

The route follows the order a coach would use: get registered and clarify the situation, try
things out, strengthen skills, work with support. Each step names services of the user's own
employment area first and national services as the fallback (the response of
`POST /api/recommend/jobseeker`, docs/api.md). These are the rules; the words are in
recommendation.jobseeker.wording and messages/fi/jobseeker.yaml.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from catalogue.repository import TYOMARKKINATORI_CONTACT, CatalogueSnapshot, ServiceRecord, SupportVariantRecord
from messages import euros, months_text, text
from recommendation.common import fits_age_and_unemployment, pick_services, service_fields
from recommendation.employer import national_youth_voucher, youth_voucher_fits_age, youth_voucher_months_needed
from recommendation.jobseeker import wording
from recommendation.jobseeker.steps import DROP_ORDER, MAX_STEPS, MIN_STEPS, ROUTE_ORDER, Step
from recommendation.profiles import JobseekerProfile
from vocabulary import YOUTH_UNDER_AGE, label

StepRule = Callable[[], Step | None]


class JobseekerPathBuilder:
    def __init__(self, catalogue: CatalogueSnapshot, profile: JobseekerProfile, exclude: frozenset[str] = frozenset()):
        self.catalogue = catalogue
        self.profile = profile
        # Services already shown: "jotain muuta" asks for the next best ones.
        self.exclude = exclude
        self.municipality = catalogue.resolve_municipality(profile.municipality)
        self.code = self.municipality.code if self.municipality else None
        self.notes: list[str] = []
        # The given fields and those of the competence profile (occupation groups, cards).
        self.fields = profile.work_fields
        self.fields_text = wording.listed(label("field", f) for f in profile.named_fields[:3])

    def _pick(self, national_ids: list[str], **kwargs: Any) -> list[ServiceRecord]:
        options: dict[str, Any] = {
            "fields": self.fields,
            "age": self.profile.age,
            "unemployed_months": self.profile.unemployed_months,
            "partial_work_ability": self.profile.has_partial_work_ability,
            "exclude": self.exclude,
        }
        return pick_services(self.catalogue, self.code, national_ids, **{**options, **kwargs})

    def _offers_field(self, service: ServiceRecord) -> bool:
        return bool(set(self.fields) & service_fields(self.catalogue, service))

    def _unmatched_fields(self) -> list[str]:
        """The person's fields that no service or provider of their own area offers."""
        p = self.profile
        offered: set[str] = set()
        for service in self.catalogue.local_services(self.code):
            if "jobseeker" in service.audience and fits_age_and_unemployment(service, p.age, p.unemployed_months):
                offered |= service_fields(self.catalogue, service)
        return [f for f in p.named_fields if f not in offered]

    def registration_step(self) -> Step | None:
        p = self.profile
        if p.situation not in ("unemployed", "laid_off", "graduating"):
            return None
        if p.situation == "laid_off":
            why = text("jobseeker.register.laid_off")
        elif p.situation == "graduating":
            why = text("jobseeker.register.graduating")
        elif p.unemployed_months is not None and p.unemployed_months >= 1:
            why = text("jobseeker.register.check_registration", unemployment=wording.unemployment_text(self.profile))
        else:
            why = text("jobseeker.register.unemployed")
        factors = [label("situation", p.situation)] + wording.unemployment_factor(self.profile)
        if p.low("finances"):
            why += " " + text("jobseeker.register.low_finances")
            factors.append(wording.rating_factor(self.profile, "finances"))
        services = self._pick(["ilmoittautuminen-tyonhakijaksi", "tyottomyysturva"], categories=("registration",))
        return Step(text("jobseeker.titles.register"), why, services, key="register", factors=factors)

    def clarify_step(self) -> Step | None:
        p = self.profile
        reasons: list[str] = []
        national: list[str] = []
        categories: list[str] = []
        factors: list[str] = []
        if p.has_partial_work_ability:
            if p.work_ability == "partial":
                reasons.append(text("jobseeker.clarify.health_limits_work"))
                factors.append(text("jobseeker.factors.health_limits_work"))
            elif p.situation == "sick_leave":
                reasons.append(text("jobseeker.clarify.sick_leave"))
                factors.append(text("jobseeker.factors.sick_leave"))
            else:
                reasons.append(text("jobseeker.clarify.low_health", rating=p.rating("health")))
                factors.append(wording.rating_factor(self.profile, "health"))
            reasons.append(text("jobseeker.clarify.work_ability_services"))
            national += ["tyokyvyn-arviointi", "tyokykykoordinaattori", "kela-ammatillinen-kuntoutus"]
            categories += ["work_ability"]
        if p.is_young:
            reasons.append(text("jobseeker.clarify.young", age=p.age, under_age=YOUTH_UNDER_AGE))
            national += ["ohjaamo"]
            categories += ["youth"]
            factors.append(text("jobseeker.factors.age", age=p.age))
        if p.needs_finnish:
            reasons.append(text("jobseeker.clarify.finnish"))
            national += ["kotoutumiskoulutus"]
            categories += ["integration"]
            factors.append(text("jobseeker.factors.finnish_level", level=label("finnish_level", p.finnish_level)))
        if p.low("wellbeing") and not p.has_partial_work_ability:
            reasons.append(text("jobseeker.clarify.low_wellbeing", rating=p.rating("wellbeing")))
            national += ["tyokykykoordinaattori"]
            categories += ["work_ability"]
            factors.append(wording.rating_factor(self.profile, "wellbeing"))
        needs_multisector = p.is_long_term_unemployed and (
            p.low("daily_life") or p.low("social") or p.low("wellbeing") or p.has_partial_work_ability
        )
        if needs_multisector:
            reasons.append(text("jobseeker.clarify.multisector", unemployment=wording.unemployment_text(self.profile)))
            national += ["monialainen-yhteispalvelu"]
            factors += wording.unemployment_factor(self.profile) + [
                wording.rating_factor(self.profile, area)
                for area in ("daily_life", "social", "wellbeing")
                if p.low(area)
            ]
        if (
            not national
            and ("job" not in p.goals or p.situation == "employed")
            and (not p.goals or "education" in p.goals or "try_field" in p.goals)
        ):
            reasons.append(text("jobseeker.clarify.no_direction" if not p.goals else "jobseeker.clarify.new_direction"))
            national += ["uraohjaus"]
            categories += ["guidance"]
            factors.append(wording.goals_factor(self.profile) or text("jobseeker.factors.direction_open"))
        if not national:
            return None
        services = self._pick(list(dict.fromkeys(national)), categories=categories, limit=3)
        if not services:
            return None
        title = text(
            "jobseeker.titles.clarify_work_ability" if p.has_partial_work_ability else "jobseeker.titles.clarify"
        )
        return Step(title, " ".join(reasons), services, key="clarify", factors=list(dict.fromkeys(factors)))

    def rehabilitation_step(self) -> Step | None:
        p = self.profile
        daily_low = p.low("daily_life") or p.low("social")
        if not (daily_low or "rehabilitation" in p.goals):
            return None
        why = text("jobseeker.rehabilitation.daily_life_low" if daily_low else "jobseeker.rehabilitation.goal")
        factors = [wording.rating_factor(self.profile, area) for area in ("daily_life", "social") if p.low(area)]
        if "rehabilitation" in p.goals:
            factors.append(text("jobseeker.factors.rehabilitation_goal"))
        national = ["sosiaalinen-kuntoutus", "kuntouttava-tyotoiminta"]
        services = self._pick(national, categories=("rehabilitation", "social"), regional_ids_like=("kuntouttava",))
        step = Step(text("jobseeker.titles.rehabilitation"), why, services, key="rehabilitation", factors=factors)
        return step if services else None

    def try_step(self) -> Step | None:
        p = self.profile
        if p.situation in ("student",) and "try_field" not in p.goals:
            return None
        if "business" in p.goals and len(p.goals) == 1:
            return None
        fields_text = self.fields_text
        if "try_field" in p.goals or p.situation in ("unemployed", "graduating", "laid_off", None, "other"):
            if self.fields:
                why = text("jobseeker.try.fields", fields=fields_text)
            elif "try_field" in p.goals:
                why = text("jobseeker.try.try_field")
            elif p.is_long_term_unemployed:
                why = text("jobseeker.try.long_term_unemployed", unemployment=wording.unemployment_text(self.profile))
            elif p.situation == "laid_off":
                why = text("jobseeker.try.laid_off")
            elif p.situation == "graduating":
                why = text("jobseeker.try.graduating")
            elif p.age is not None:
                why = text("jobseeker.try.age", age=p.age)
            else:
                why = text("jobseeker.try.general")
            if p.situation in ("unemployed", "laid_off", "graduating"):
                why += " " + text("jobseeker.try.expenses")
            elif p.situation is None:
                why += " " + text("jobseeker.try.expenses_if_unemployed")
            national = ["tyokokeilu"]
            categories: tuple[str, ...] = ("work_trial",)
            if self._age_fits("nuorten-tyopaja"):
                national.append("nuorten-tyopaja")
                categories += ("youth",)
                why += " " + text("jobseeker.try.youth_workshop")
            services = self._pick(national, categories=categories, regional_ids_like=("tyokokeilu", "tyopaja"))
            if self.fields:
                # Say truthfully whether a place of the person's own field was found.
                place = next((s for s in services if s.scope != "national" and self._offers_field(s)), None)
                if place is not None:
                    why += " " + text("jobseeker.try.place_found", place=place.title)
                else:
                    why += " " + text("jobseeker.try.no_place")
            factors = (
                ([text("jobseeker.factors.fields", fields=fields_text)] if self.fields else [])
                + ([text("jobseeker.factors.try_field")] if "try_field" in p.goals else [])
                + wording.unemployment_factor(self.profile)
            )
            step = Step(text("jobseeker.titles.try"), why, services, key="try", factors=factors)
            return step if services else None
        return None

    def skills_step(self) -> Step | None:
        p = self.profile
        wants_education = "education" in p.goals or p.situation == "student"
        low_skills = p.low("skills") or p.education == "basic"
        # Fields no service or provider of the area offers (e.g. office, gardening, transport):
        # the national training is the honest offer, not an invented place.
        unmatched = self._unmatched_fields() if p.situation in ("unemployed", "laid_off", None, "other") else []
        if not (wants_education or low_skills or "try_field" in p.goals or unmatched):
            return None
        unmatched_text = wording.listed(label("field", f) for f in unmatched[:3])
        if p.situation == "student" and "education" not in p.goals:
            why = text("jobseeker.skills.student")
        elif wants_education:
            why = text("jobseeker.skills.education_goal")
        elif p.education == "basic":
            why = text("jobseeker.skills.basic_education")
        elif p.low("skills"):
            why = text("jobseeker.skills.low_skills")
        elif "try_field" in p.goals:
            why = text("jobseeker.skills.try_field")
        else:
            where = text("jobseeker.skills.in_your_area") if self.code else ""
            why = text("jobseeker.skills.no_local_place", where=where, fields=unmatched_text)
        national = ["tyovoimakoulutus", "omaehtoinen-opiskelu", "oppisopimus"]
        if p.situation == "student":
            national = ["uraohjaus", "oppisopimus", "tyovoimakoulutus"]
        factors = (
            ([text("jobseeker.factors.education_goal")] if wants_education else [])
            + ([text("jobseeker.factors.basic_education")] if p.education == "basic" else [])
            + ([wording.rating_factor(self.profile, "skills")] if p.low("skills") else [])
            + ([text("jobseeker.factors.fields", fields=unmatched_text)] if unmatched else [])
        )
        services = self._pick(national, categories=("training", "education"))
        factors = factors or [text("jobseeker.factors.change_field")]
        step = Step(text("jobseeker.titles.skills"), why, services, key="skills", factors=factors)
        return step if services else None

    def business_step(self) -> Step | None:
        if "business" not in self.profile.goals:
            return None
        why = text("jobseeker.business.why")
        services = self._pick(["starttiraha"], categories=("business",))
        factors = [text("jobseeker.factors.business_goal")]
        step = Step(text("jobseeker.titles.business"), why, services, key="business", factors=factors)
        return step if services else None

    def supported_work_step(self) -> Step | None:
        p = self.profile
        if p.situation in ("employed", "student") and not p.has_partial_work_ability:
            return None
        if "business" in p.goals and len(p.goals) == 1:
            return None
        reasons: list[str] = []
        national: list[str] = []
        factors: list[str] = []
        subsidy_55 = self._variant("tyollistamistuki-55")
        if subsidy_55 is not None and self._fits_subsidy_55(subsidy_55):
            reasons.append(
                text(
                    "jobseeker.supported_work.subsidy_55",
                    age=p.age,
                    unemployed=months_text(p.unemployed_months or 0),
                    min_age=subsidy_55.conditions["min_age"],
                    percent=subsidy_55.percent,
                    cap=euros(subsidy_55.monthly_max_eur or 0),
                )
            )
            national.append("tyollistamistuki-55")
            factors += [text("jobseeker.factors.age", age=p.age)] + wording.unemployment_factor(self.profile)
        voucher = national_youth_voucher(self.catalogue)
        youth_limit = youth_voucher_months_needed(voucher, p.education) if voucher else None
        if voucher and youth_limit is not None and youth_voucher_fits_age(voucher, p.age):
            if p.unemployed_months is not None and p.unemployed_months >= youth_limit:
                reasons.append(
                    text(
                        "jobseeker.supported_work.youth_voucher",
                        under_age=voucher.conditions["max_age"] + 1,
                        min_months=youth_limit,
                        percent=voucher.percent,
                        cap=euros(voucher.monthly_max_eur or 0),
                        months=voucher.months,
                    )
                )
                national.append("nuorten-tyollistymisseteli")
                factors += [text("jobseeker.factors.age", age=p.age)] + wording.unemployment_factor(self.profile)
        if p.has_partial_work_ability:
            subsidy = self._variant("palkkatuki", "reduced_work_ability")
            if subsidy is not None:
                cap = euros(subsidy.monthly_max_eur or 0)
                reasons.append(text("jobseeker.supported_work.reduced_work_ability", percent=subsidy.percent, cap=cap))
            national += ["palkkatuki", "tyohonvalmennus"]
            factors.append(wording.work_ability_factor(self.profile))
        elif p.is_long_term_unemployed:
            reasons.append(text("jobseeker.supported_work.long_term_unemployed"))
            national += ["palkkatuki", "tyohonvalmennus"]
            factors += wording.unemployment_factor(self.profile)
        if p.low("employment"):
            reasons.append(text("jobseeker.supported_work.low_employment", rating=p.rating("employment")))
            if "tyohonvalmennus" not in national and "tyonhakuvalmennus" not in national:
                national.append("tyonhakuvalmennus")
            factors.append(wording.rating_factor(self.profile, "employment"))
        if not national:
            if self.fields:
                opener = text("jobseeker.supported_work.opener_fields", fields=self.fields_text)
            elif p.situation == "laid_off":
                opener = text("jobseeker.supported_work.opener_laid_off")
            elif p.unemployed_months is not None:
                opener = text(
                    "jobseeker.supported_work.opener_unemployment", unemployment=wording.unemployment_text(self.profile)
                )
            elif p.age is not None:
                opener = text("jobseeker.supported_work.opener_age", age=p.age)
            else:
                opener = ""
            sentence = text("jobseeker.supported_work.job_search")
            reasons.append(opener + sentence if opener else sentence[0].upper() + sentence[1:])
            national += ["tyonhakuvalmennus", "tyohonvalmennus"]
            factors += ([text("jobseeker.factors.fields", fields=self.fields_text)] if self.fields else []) or (
                wording.unemployment_factor(self.profile) or [label("situation", p.situation)]
            )
        services = self._pick(
            national,
            categories=("coaching", "supported_work"),
            regional_ids_like=("palkkatuki", "tyohonvalmennus"),
            # The rules above already checked how long the person has been unemployed.
            unemployed_months=None,
        )
        if "nuorten-tyollistymisseteli" in national:
            youth = [s for s in self._youth_subsidies() if s.id not in self.exclude]
            services = youth + [s for s in services if s.id != "nuorten-tyollistymisseteli"]
            # The area's own services before national ones, each group in the order chosen above.
            services = sorted(services, key=lambda s: s.scope == "national")[:3]
        title = text(
            "jobseeker.titles.supported_work" if "tyonhakuvalmennus" not in national else "jobseeker.titles.job_search"
        )
        step = Step(
            title, " ".join(reasons), services, key="supported_work", factors=[f for f in dict.fromkeys(factors) if f]
        )
        return step if services else None

    def stay_at_work_step(self) -> Step | None:
        """Keeping the job once it starts: adjustments at the workplace and work-ability support."""
        p = self.profile
        if not p.has_partial_work_ability or p.situation == "student":
            return None
        if "business" in p.goals and len(p.goals) == 1:
            return None
        services = self._pick(["tyoolosuhteiden-jarjestelytuki", "tyokykykoordinaattori"], categories=("work_ability",))
        # without the coordinator here, it is already in an earlier step of the path
        shown_before = bool(services) and "tyokykykoordinaattori" not in [s.id for s in services]
        why = text("jobseeker.stay_at_work.coordinator_shown_before" if shown_before else "jobseeker.stay_at_work.why")
        factors = [wording.work_ability_factor(self.profile)]
        step = Step(text("jobseeker.titles.stay_at_work"), why, services, key="stay_at_work", factors=factors)
        return step if services else None

    def _variant(self, service_id: str, name: str | None = None) -> SupportVariantRecord | None:
        """A support's variant by name, or its first."""
        service = self.catalogue.service(service_id)
        if service is None or not service.support_variants:
            return None
        return service.variant(name) if name else service.support_variants[0]

    def _age_fits(self, service_id: str) -> bool:
        """The person's known age is within the service's own age limits."""
        service = self.catalogue.service(service_id)
        return (
            service is not None
            and self.profile.age is not None
            and fits_age_and_unemployment(service, self.profile.age, None)
        )

    def _fits_subsidy_55(self, variant: SupportVariantRecord) -> bool:
        """Old enough and unemployed long enough for the 55+ subsidy (its variant's conditions)."""
        p, rules = self.profile, variant.conditions
        if "min_age" not in rules or "min_unemployed_months" not in rules:
            return False
        return (
            p.age is not None
            and p.age >= rules["min_age"]
            and p.unemployed_months is not None
            and p.unemployed_months >= rules["min_unemployed_months"]
        )

    def _youth_subsidies(self) -> list[ServiceRecord]:
        """The area's own youth recruitment subsidy first, the national voucher as fallback."""
        regional = [
            s
            for s in self.catalogue.local_services(self.code)
            if s.category == "employer_support" and "youth" in s.target_groups
        ]
        national = self.catalogue.service("nuorten-tyollistymisseteli")
        return regional[:1] + ([national] if national else [])

    def _step_methods(self) -> list[StepRule]:
        """The step builders in route order (the order of ROUTE_ORDER)."""
        return [
            self.registration_step,
            self.clarify_step,
            self.rehabilitation_step,
            self.try_step,
            self.business_step,
            self.skills_step,
            self.supported_work_step,
            self.stay_at_work_step,
        ]

    def _rebuild_without(self, method: StepRule, used: set[str]) -> Step | None:
        """The step again with the services of earlier steps left out (each service once per path)."""
        shown_before = self.exclude
        self.exclude = frozenset(shown_before | used)
        try:
            return method()
        finally:
            self.exclude = shown_before

    def build(self) -> dict[str, Any]:
        candidates = [(method, method()) for method in self._step_methods()]
        steps = [step for _, step in candidates if step is not None and step.services]
        while len(steps) > MAX_STEPS:
            victim = next((step for key in DROP_ORDER for step in steps if step.key == key), steps[-1])
            steps.remove(victim)
        kept = {id(step) for step in steps}
        # A service is shown once, in the earliest step it fits; later steps pick their next best.
        used: set[str] = set()
        steps = []
        for method, step in candidates:
            if step is None or id(step) not in kept:
                continue
            if used & {service.id for service in step.services}:
                step = self._rebuild_without(method, used)
            if step is None or not step.services:
                continue
            if self.exclude:
                # The reason is the step's; the services named in it may be the ones already shown.
                step.why = text("jobseeker.other_options", why=step.why)
            steps.append(step)
            used |= {service.id for service in step.services}
        # "jotain muuta" (services already shown are excluded) offers every other fitting step;
        # a new path is filled only up to the minimum.
        wanted = MAX_STEPS if self.exclude else MIN_STEPS
        for step in self._fallback_steps(steps, used, wanted):
            if len(steps) >= wanted:
                break
            steps.append(step)
            used |= {service.id for service in step.services}
        steps.sort(key=lambda step: ROUTE_ORDER.index(step.key))
        contact = self.catalogue.contact(self.code, "jobseeker")
        for step in steps:
            step.how_to_start = wording.how_to_start(self.profile, step)
            step.contact = dict(TYOMARKKINATORI_CONTACT) if step.key == "register" else dict(contact)
            step.factors = [f for f in dict.fromkeys(step.factors) if f] or wording.general_factors(self.profile)
        self._add_notes()
        return {"steps": [s.as_dict() for s in steps], "contact": contact, "notes": self.notes}

    def _fits_person(self, service: ServiceRecord, open_to_all: bool = False) -> bool:
        """False when a known answer rules the service out (situation, target group, age, months)."""
        p = self.profile
        if not fits_age_and_unemployment(service, p.age, p.unemployed_months):
            return False
        if p.situation and service.situations and p.situation not in service.situations:
            return False
        groups = set(service.target_groups)
        if "youth" in groups and not p.is_young:
            return False
        if "immigrant" in groups and not p.needs_finnish:
            return False
        if "entrepreneur" in groups and "business" not in p.goals and not open_to_all:
            return False
        if "student" in groups and p.situation not in ("student", "graduating"):
            return False
        if groups and groups <= {"partial_work_ability", "disabled"} and not p.has_partial_work_ability:
            return False
        if groups == {"long_term_unemployed"} and not p.is_long_term_unemployed:
            return False
        return True

    def _fallback_pick(
        self, national: list[str], categories: tuple[str, ...], used: set[str], open_to_all: bool = False
    ) -> list[ServiceRecord]:
        candidates = list(self.catalogue.local_services(self.code)) + [
            s for sid in national if (s := self.catalogue.service(sid)) is not None
        ]
        unfit = {s.id for s in candidates if not self._fits_person(s, open_to_all)}
        return self._pick(national, categories=categories, exclude=self.exclude | used | unfit)

    def _fallback_steps(self, steps: list[Step], used: set[str], wanted: int = MIN_STEPS) -> list[Step]:
        """General steps that suit almost anyone, for when the answers call for fewer than two steps.

        The order is the order of preference: guidance, job search, skills, trying work (and, for
        "jotain muuta", starting a business as another direction). A step key already in the
        path is not repeated, and the services respect the known answers.
        """
        if len(steps) >= wanted:
            return []
        p = self.profile
        have = {step.key for step in steps}
        opener = wording.situation_opener(self.profile)
        fields_text = self.fields_text
        employed_like = p.situation in ("employed", "student")
        if employed_like:
            skills_sentence = text("jobseeker.general.apprenticeship")
        else:
            skills_sentence = text("jobseeker.general.training")
            if fields_text:
                skills_sentence += " " + text("jobseeker.general.training_fields", fields=fields_text)
        options: list[tuple[str, str, str, list[str], tuple[str, ...]]] = [
            (
                "clarify",
                text("jobseeker.titles.clarify"),
                text(
                    "jobseeker.general.clarify_employed" if p.situation == "employed" else "jobseeker.general.clarify"
                ),
                ["uraohjaus", "ohjaamo"],
                ("guidance", "youth"),
            ),
            (
                "supported_work",
                text("jobseeker.titles.job_search"),
                text("jobseeker.general.job_search_fields", fields=fields_text)
                if fields_text
                else text("jobseeker.general.job_search"),
                ["tyonhakuvalmennus", "tyohonvalmennus"],
                ("coaching",),
            ),
            (
                "skills",
                text("jobseeker.titles.skills"),
                skills_sentence,
                ["oppisopimus", "tyovoimakoulutus", "omaehtoinen-opiskelu"]
                if employed_like
                else ["tyovoimakoulutus", "oppisopimus", "omaehtoinen-opiskelu"],
                ("training", "education"),
            ),
            (
                "try",
                text("jobseeker.titles.try"),
                text("jobseeker.general.try"),
                ["tyokokeilu", "nuorten-tyopaja", "koulutussopimus"],
                ("work_trial",),
            ),
        ]
        if self.exclude and "business" not in p.goals and p.situation in ("unemployed", "laid_off", "employed", None):
            # another direction, offered only when the person asks for something else
            options.append(
                (
                    "business",
                    text("jobseeker.titles.consider_business"),
                    text("jobseeker.business.another_direction"),
                    ["starttiraha"],
                    ("business",),
                )
            )
        out: list[Step] = []
        for key, title, sentence, national, categories in options:
            if key in have:
                continue
            services = self._fallback_pick(
                national,
                categories,
                used | {s.id for step in out for s in step.services},
                open_to_all=key == "business",
            )
            if not services:
                continue
            why = f"{opener} {sentence}".strip()
            factors = [label("situation", p.situation)] if p.situation else []
            factors += [wording.goals_factor(self.profile)] if p.goals else []
            out.append(Step(title, why, services, key=key, factors=[f for f in factors if f]))
        return out

    def _add_notes(self) -> None:
        p = self.profile
        if p.municipality and self.municipality is None:
            self.notes.append(text("jobseeker.notes.unknown_municipality", municipality=p.municipality))
        elif self.municipality is None:
            self.notes.append(text("jobseeker.notes.no_municipality"))
        elif self.catalogue.area_for_municipality(self.code) is None:
            self.notes.append(text("jobseeker.notes.area_not_known", municipality=self.municipality.name))
        if p.situation in ("unemployed", "laid_off") or p.unemployed_months:
            self.notes.append(text("jobseeker.notes.benefit_decision"))


def recommend_jobseeker_path(
    catalogue: CatalogueSnapshot,
    profile: JobseekerProfile | dict[str, Any],
    *,
    exclude: frozenset[str] | set[str] = frozenset(),
) -> dict[str, Any]:
    """The response of `POST /api/recommend/jobseeker` (docs/api.md) for a profile.

    `exclude` leaves out services already shown, for "jotain muuta" (other options).
    """
    if isinstance(profile, dict):
        profile = JobseekerProfile.from_dict(profile)
    return JobseekerPathBuilder(catalogue, profile, frozenset(exclude)).build()
