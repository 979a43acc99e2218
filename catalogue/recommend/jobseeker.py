"""The jobseeker's service path: ordered steps of concrete services, each with a reason.

The route follows the order a coach would use: get registered and clarify the
situation, try things out, strengthen skills, work with support. Each step
names services of the user's own employment area first and national services
as the fallback, and says why, in words built from the profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from catalogue.recommend.common import months_text, pick_services
from catalogue.recommend.profiles import JobseekerProfile
from catalogue.repository import CatalogueSnapshot, ServiceRecord
from catalogue.vocabulary import field_label

MAX_STEPS = 5
DROP_ORDER = ("Vahvista osaamistasi", "Selvitä suunta ohjauksessa", "Kokeile työtä käytännössä")


@dataclass
class Step:
    title: str
    why: str
    services: list[ServiceRecord]

    def as_dict(self) -> dict[str, Any]:
        return {"title": self.title, "why": self.why, "services": [s.card() for s in self.services]}


class JobseekerPathBuilder:
    def __init__(self, catalogue: CatalogueSnapshot, profile: JobseekerProfile):
        self.catalogue = catalogue
        self.profile = profile
        self.municipality = catalogue.resolve_municipality(profile.municipality)
        self.code = self.municipality.code if self.municipality else None
        self.notes: list[str] = []

    # -- helpers -------------------------------------------------------------------------
    def _pick(self, national_ids: list[str], **kwargs: Any) -> list[ServiceRecord]:
        return pick_services(
            self.catalogue,
            self.code,
            national_ids,
            fields=self.profile.fields,
            age=self.profile.age,
            unemployed_months=self.profile.unemployed_months,
            **kwargs,
        )

    def _unemployment_text(self) -> str:
        months = self.profile.unemployed_months
        if months is None:
            return ""
        if months < 1:
            return "Olet ollut työttömänä vasta vähän aikaa"
        return f"Olet ollut työttömänä {months_text(months)}"

    # -- steps ---------------------------------------------------------------------------
    def registration_step(self) -> Step | None:
        p = self.profile
        if p.situation not in ("unemployed", "laid_off", "graduating"):
            return None
        if p.situation == "laid_off":
            why = (
                "Olet lomautettu. Ilmoittaudu työnhakijaksi viimeistään ensimmäisenä lomautuspäivänä: "
                "työttömyysetuutta voi saada vasta siitä päivästä alkaen."
            )
        elif p.situation == "graduating":
            why = (
                "Valmistut pian. Kun ilmoittaudut työnhakijaksi heti opintojen jälkeen, "
                "saat työllisyysalueen palvelut käyttöösi ja voit hakea työttömyysetuutta."
            )
        elif p.unemployed_months is not None and p.unemployed_months >= 1:
            why = (
                f"{self._unemployment_text()}. Tarkista, että olet ilmoittautunut työnhakijaksi: "
                "se on edellytys palveluille ja työttömyysetuudelle."
            )
        else:
            why = (
                "Olet työtön. Ilmoittaudu työnhakijaksi heti: työttömyysetuutta voi saada vasta "
                "ilmoittautumispäivästä alkaen, ja samalla pääset työllisyysalueen palveluihin."
            )
        services = self._pick(["ilmoittautuminen-tyonhakijaksi", "tyottomyysturva"], categories=("registration",))
        return Step("Ilmoittaudu työnhakijaksi", why, services)

    def clarify_step(self) -> Step | None:
        p = self.profile
        reasons: list[str] = []
        national: list[str] = []
        categories: list[str] = []
        if p.has_partial_work_ability:
            if p.work_ability == "partial":
                reasons.append("Kerroit, että terveytesi rajoittaa sitä, millaista työtä voit tehdä.")
            elif p.situation == "sick_leave":
                reasons.append("Olet sairauslomalla.")
            else:
                reasons.append("Arvioit terveytesi heikoksi.")
            reasons.append("Työkyvyn arviointi ja työkykykoordinaattori auttavat löytämään työn, joka sopii sinulle.")
            national += ["tyokyvyn-arviointi", "tyokykykoordinaattori", "kela-ammatillinen-kuntoutus"]
            categories += ["work_ability"]
        if p.is_young:
            reasons.append(
                f"Olet {p.age}-vuotias: Ohjaamo auttaa alle 30-vuotiaita työhön, opiskeluun ja arjen asioihin yhdestä paikasta."
            )
            national += ["ohjaamo"]
            categories += ["youth"]
        if p.needs_finnish:
            reasons.append("Suomen kielen opiskelu avaa monta ovea työelämään. Kotoutumiskoulutuksessa opiskelet kieltä ja työelämätaitoja.")
            national += ["kotoutumiskoulutus"]
            categories += ["integration"]
        needs_multisector = p.is_long_term_unemployed and (
            p.low("daily_life") or p.low("social") or p.low("wellbeing") or p.has_partial_work_ability
        )
        if needs_multisector:
            reasons.append(
                f"{self._unemployment_text()} ja tarvitset tukea monessa asiassa. Monialaisessa yhteispalvelussa "
                "työllisyysalue, Kela ja hyvinvointialue suunnittelevat tukesi yhdessä."
            )
            national += ["monialainen-yhteispalvelu"]
        if not national and ("job" not in p.goals or p.situation == "employed") and (
            not p.goals or "education" in p.goals or "try_field" in p.goals
        ):
            reasons.append(
                "Et ole vielä varma suunnasta. Uraohjauksessa selvität, mikä ala ja koulutus sopisivat sinulle."
                if not p.goals
                else "Haluat miettiä uutta suuntaa. Uraohjauksessa käyt läpi vaihtoehdot ammattilaisen kanssa."
            )
            national += ["uraohjaus"]
            categories += ["guidance"]
        if not national:
            return None
        services = self._pick(national, categories=categories, limit=3)
        if not services:
            return None
        title = "Selvitä tilanteesi ja työkykysi" if p.has_partial_work_ability else "Selvitä suunta ohjauksessa"
        return Step(title, " ".join(reasons), services)

    def rehabilitation_step(self) -> Step | None:
        p = self.profile
        daily_low = p.low("daily_life") or p.low("social")
        if not (daily_low or "rehabilitation" in p.goals):
            return None
        if daily_low:
            why = (
                "Arvioit arkesi tai sosiaalisen tilanteesi heikoksi (1–2/5). Arjen ja hyvinvoinnin tuki "
                "kannattaa aloittaa ennen työnhakua: sosiaalinen kuntoutus ja kuntouttava työtoiminta "
                "auttavat rytmiin ja porukkaan pienin askelin."
            )
        else:
            why = "Kerroit, että haluat ensin kuntoutua. Kuntouttava työtoiminta on kevyt tapa palata päivärytmiin."
        national = ["sosiaalinen-kuntoutus", "kuntouttava-tyotoiminta"]
        services = self._pick(national, categories=("rehabilitation", "social"), regional_ids_like=("kuntouttava",))
        return Step("Vahvista arkea ja jaksamista", why, services) if services else None

    def try_step(self) -> Step | None:
        p = self.profile
        if p.situation in ("student",) and "try_field" not in p.goals:
            return None
        if "business" in p.goals and len(p.goals) == 1:
            return None
        fields_text = ", ".join(field_label(f) for f in p.fields)
        if "try_field" in p.goals or p.situation in ("unemployed", "graduating", "laid_off", None, "other"):
            if p.fields:
                why = f"Työkokeilussa pääset kokeilemaan alaa ({fields_text}) oikealla työpaikalla ilman työsopimusta."
            elif "try_field" in p.goals:
                why = "Haluat kokeilla uutta alaa. Työkokeilussa näet, sopiiko ala sinulle, ennen kuin sitoudut koulutukseen."
            elif p.is_long_term_unemployed:
                why = (
                    f"{self._unemployment_text()}. Työkokeilu on hyvä tapa palata työelämään ja näyttää "
                    "osaamisesi työnantajalle."
                )
            elif p.situation == "laid_off":
                why = "Lomautuksen aikana voit pitää taitosi yllä ja tutustua uuteen työpaikkaan työkokeilussa."
            elif p.situation == "graduating":
                why = "Valmistut pian: työkokeilu on hyvä tapa saada ensimmäinen työkokemus alalta ja suosittelija."
            elif p.age is not None:
                why = f"Olet {p.age}-vuotias: työkokeilussa voit näyttää osaamisesi työnantajalle ja saada suosittelijan."
            else:
                why = "Työkokeilussa voit kokeilla sopivaa työtä ja saada työnantajalta suosittelijan."
            if p.situation in ("unemployed", "laid_off", "graduating"):
                why += " Saat työttömyysetuutesi lisäksi kulukorvauksen 9 € päivältä."
            elif p.situation is None:
                why += " Työttömälle työnhakijalle maksetaan työkokeilun ajalta työttömyysetuutta ja 9 € kulukorvaus päivältä."
            national = ["tyokokeilu"]
            categories: tuple[str, ...] = ("work_trial",)
            if p.is_young and p.age is not None and p.age < 29:
                national.append("nuorten-tyopaja")
                categories += ("youth",)
                why += " Nuorten työpajalla voit harjoitella työtä ohjaajan tuella."
            services = self._pick(national, categories=categories, regional_ids_like=("tyokokeilu", "tyopaja"))
            return Step("Kokeile työtä käytännössä", why, services) if services else None
        return None

    def skills_step(self) -> Step | None:
        p = self.profile
        wants_education = "education" in p.goals or p.situation == "student"
        low_skills = p.low("skills") or p.education == "basic"
        if not (wants_education or low_skills or "try_field" in p.goals):
            return None
        if wants_education:
            why = "Haluat opiskella. Työvoimakoulutus on maksutonta, ja omaehtoista opiskelua voi joskus tehdä työttömyysetuudella."
        elif p.education == "basic":
            why = "Sinulla on peruskoulun pohjalta lähtevä koulutus. Ammatillinen koulutus tai oppisopimus parantaa mahdollisuuksiasi selvästi."
        elif p.low("skills"):
            why = "Arvioit osaamisesi heikoksi. Lyhyt työvoimakoulutus voi antaa juuri ne taidot, joita työnantajat pyytävät."
        else:
            why = "Kun löydät sopivan alan, lyhyt koulutus tai oppisopimus vie sinut alalle nopeimmin."
        national = ["tyovoimakoulutus", "omaehtoinen-opiskelu", "oppisopimus"]
        if p.situation == "student":
            national = ["uraohjaus", "oppisopimus", "tyovoimakoulutus"]
        services = self._pick(national, categories=("training", "education"))
        return Step("Vahvista osaamistasi", why, services) if services else None

    def business_step(self) -> Step | None:
        if "business" not in self.profile.goals:
            return None
        why = (
            "Haluat ryhtyä yrittäjäksi. Starttiraha turvaa toimeentuloasi yrityksen alussa, "
            "mutta sitä pitää hakea ennen kuin yritystoiminta alkaa."
        )
        services = self._pick(["starttiraha"], categories=("business",))
        return Step("Perusta oma yritys", why, services) if services else None

    def supported_work_step(self) -> Step | None:
        p = self.profile
        if p.situation in ("employed", "student") and not p.has_partial_work_ability:
            return None
        if "business" in p.goals and len(p.goals) == 1:
            return None
        reasons: list[str] = []
        national: list[str] = []
        if p.age is not None and p.age >= 55 and p.unemployed_months is not None and p.unemployed_months >= 24:
            reasons.append(
                f"Olet {p.age}-vuotias ja ollut työttömänä {months_text(p.unemployed_months)}: työnantaja voi saada "
                "sinun palkkaamiseesi 55 vuotta täyttäneiden työllistämistuen (70 % palkkakuluista, enintään 1 770 €/kk)."
            )
            national.append("tyollistamistuki-55")
        youth_limit = 3 if p.education == "basic" else 6
        if p.age is not None and p.age < 30 and p.unemployed_months is not None and p.unemployed_months >= youth_limit:
            reasons.append(
                "Olet alle 30-vuotias ja ollut työttömänä vähintään "
                f"{youth_limit} kuukautta: työnantaja voi saada sinun palkkaamiseesi nuorten työllistymissetelin "
                "(50 % palkasta, enintään 1 500 €/kk 6 kuukauden ajan)."
            )
            national.append("nuorten-tyollistymisseteli")
        if p.has_partial_work_ability:
            reasons.append(
                "Koska työkykysi on alentunut, työnantaja voi saada palkkatukea 70 % palkkakuluista (enintään 1 770 €/kk) "
                "ja tukea työpaikan järjestelyihin. Työhönvalmentaja auttaa löytämään sopivan työn ja tukee työpaikalla."
            )
            national += ["palkkatuki", "tyohonvalmennus"]
        elif p.is_long_term_unemployed:
            reasons.append(
                "Pitkän työttömyyden jälkeen palkkatuki madaltaa työnantajan kynnystä palkata sinut, ja "
                "työhönvalmentaja tukee sinua työn löytämisessä."
            )
            national += ["palkkatuki", "tyohonvalmennus"]
        if not national:
            if p.fields:
                opener = f"Kun haet töitä alalta {', '.join(field_label(f) for f in p.fields)}, "
            elif p.situation == "laid_off":
                opener = "Jos lomautus pitkittyy, "
            elif p.unemployed_months is not None:
                opener = f"{self._unemployment_text()}: "
            elif p.age is not None:
                opener = f"Olet {p.age}-vuotias: "
            else:
                opener = ""
            sentence = "työnhakuvalmennuksessa saat apua hakemuksiin, CV:hen ja työhaastatteluun, ja opit löytämään myös piilotyöpaikat."
            reasons.append(opener + sentence if opener else sentence[0].upper() + sentence[1:])
            national += ["tyonhakuvalmennus", "tyohonvalmennus"]
        services = pick_services(
            self.catalogue,
            self.code,
            national,
            categories=("coaching",),
            regional_ids_like=("palkkatuki", "tyohonvalmennus"),
            fields=p.fields,
            age=p.age,
            # The rules above already checked how long the person has been unemployed.
            unemployed_months=None,
        )
        if "nuorten-tyollistymisseteli" in national:
            services = self._youth_subsidies() + [s for s in services if s.id != "nuorten-tyollistymisseteli"]
            # The area's own services before national ones, each group in the order chosen above.
            services = sorted(services, key=lambda s: s.scope == "national")[:3]
        title = "Tee työtä tuetusti" if "tyonhakuvalmennus" not in national else "Hae töitä tuen kanssa"
        return Step(title, " ".join(reasons), services) if services else None

    def _youth_subsidies(self) -> list[ServiceRecord]:
        """The area's own youth recruitment subsidy first, the national voucher as fallback."""
        regional = [
            s
            for s in self.catalogue.local_services(self.code)
            if s.category == "employer_support" and "youth" in s.target_groups
        ]
        national = self.catalogue.service("nuorten-tyollistymisseteli")
        return regional[:1] + ([national] if national else [])

    # -- the whole path --------------------------------------------------------------------
    def build(self) -> dict[str, Any]:
        p = self.profile
        candidates = [
            self.registration_step(),
            self.clarify_step(),
            self.rehabilitation_step(),
            self.try_step(),
            self.business_step(),
            self.skills_step(),
            self.supported_work_step(),
        ]
        steps = [step for step in candidates if step is not None and step.services]
        while len(steps) > MAX_STEPS:
            # Drop the least essential step: general skills first, then the trial, never supports.
            for title in DROP_ORDER:
                victim = next((step for step in steps if step.title == title), None)
                if victim is not None:
                    steps.remove(victim)
                    break
            else:
                steps = steps[:MAX_STEPS]
        if not steps:
            fallback = self._pick(["uraohjaus", "tyonhakuvalmennus"], categories=("guidance",))
            steps.append(
                Step(
                    "Aloita ohjauksesta",
                    "En saanut tietää tilanteestasi paljon, joten paras alku on keskustella "
                    "työllisyysalueen asiantuntijan kanssa. Uraohjaus ja työnhakuvalmennus sopivat lähes kaikille.",
                    fallback,
                )
            )
        self._add_notes()
        contact = self.catalogue.contact(self.code, "jobseeker")
        return {"steps": [s.as_dict() for s in steps], "contact": contact, "notes": self.notes}

    def _add_notes(self) -> None:
        p = self.profile
        if p.municipality and self.municipality is None:
            self.notes.append(
                f"En tunnistanut kuntaa \"{p.municipality}\", joten näytän valtakunnalliset palvelut."
            )
        elif self.municipality is None:
            self.notes.append("Et kertonut kuntaasi, joten näytän valtakunnalliset palvelut.")
        elif self.catalogue.area_for_municipality(self.code) is None:
            self.notes.append(
                f"En vielä tunne kunnan {self.municipality.name_fi} työllisyysalueen palveluja. "
                "Näytän valtakunnalliset palvelut; yhteystiedot löydät Työmarkkinatorilta."
            )
        if p.situation in ("unemployed", "laid_off") or p.unemployed_months:
            self.notes.append(
                "Työttömyysetuudesta päättää Kela tai työttömyyskassa. Polkuopas ei voi luvata etuutta."
            )


def recommend_jobseeker_path(catalogue: CatalogueSnapshot, profile: JobseekerProfile | dict[str, Any]) -> dict[str, Any]:
    """CONTRACT §4 `POST /api/recommend/jobseeker` response for a profile."""
    if isinstance(profile, dict):
        profile = JobseekerProfile.from_dict(profile)
    return JobseekerPathBuilder(catalogue, profile).build()
