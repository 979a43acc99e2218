"""The jobseeker's service path: ordered steps of concrete services, each with a reason.

The route follows the order a coach would use: get registered and clarify the
situation, try things out, strengthen skills, work with support. Each step
names services of the user's own employment area first and national services
as the fallback, and says why, in words built from the profile.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalogue.repository import TYOMARKKINATORI_CONTACT, CatalogueSnapshot, ServiceRecord
from messages import months_text
from recommendation.common import fits_age_and_unemployment, pick_services, service_fields
from recommendation.profiles import JobseekerProfile
from vocabulary import SITUATIONS, label

MAX_STEPS = 5
MIN_STEPS = 2
# Least essential first: general skills, direction, staying at work, the trial; never supports.
DROP_ORDER = ("skills", "clarify", "stay_at_work", "try")
# The route a coach would walk: clarify, try, strengthen skills, work with support, stay at work.
ROUTE_ORDER = (
    "register",
    "clarify",
    "rehabilitation",
    "try",
    "business",
    "skills",
    "supported_work",
    "stay_at_work",
    "start",
)


@dataclass
class Step:
    title: str
    why: str
    services: list[ServiceRecord]
    key: str = "start"
    how_to_start: str = ""
    contact: dict[str, Any] | None = None
    # The answers that led to this step, in short plain Finnish ("työttömänä 30 kuukautta"):
    # the "miksi?" answer lists them.
    factors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.key,
            "title": self.title,
            "why": self.why,
            "services": [s.card() for s in self.services],
            "how_to_start": self.how_to_start,
            "contact": self.contact,
            "factors": list(self.factors),
        }


# How to take each step, in plain Finnish; the contact of the step says where.
HOW_TO_START = {
    "register": "Ilmoittaudu Työmarkkinatorin verkkopalvelussa (tunnistaudu pankkitunnuksilla tai mobiilivarmenteella). "
    "Hae työttömyysetuutta Kelasta tai työttömyyskassasta vasta ilmoittautumisen jälkeen.",
    "clarify": "Pyydä asiantuntijaltasi aikaa ja kerro, että haluat selvittää tilanteesi. Ota mukaan tämä yhteenveto.",
    "rehabilitation": "Kerro asiantuntijallesi tai hyvinvointialueen sosiaalityöntekijälle, että haluat aloittaa "
    "pienin askelin. Kuntouttavasta työtoiminnasta sovitaan yhdessä suunnitelmassa.",
    "try": "Kerro asiantuntijallesi, millaista alaa haluat kokeilla. Työkokeilusta tehdään sopimus "
    "työllisyysalueen, sinun ja työpaikan kesken ennen kuin se alkaa.",
    "business": "Tee liiketoimintasuunnitelma ja hae starttirahaa ennen kuin yritystoiminta alkaa. "
    "Kysy neuvoa työllisyysalueen yrityspalveluista.",
    "skills": "Katso koulutuksia Työmarkkinatorista ja kysy asiantuntijaltasi, voitko opiskella työttömyysetuudella.",
    "supported_work": "Kerro työnhaussa työnantajalle, että hän voi saada tukea palkkaamiseesi. "
    "Työnantaja hakee tuen itse ennen kuin työ alkaa.",
    "stay_at_work": "Kun työpaikka löytyy, kysy asiantuntijaltasi työhönvalmentajaa tueksi työn alkuun. "
    "Työnantaja voi hakea tukea työpaikan järjestelyihin.",
    "job_search": "Kysy asiantuntijaltasi työnhakuvalmennusta tai työhönvalmentajaa. Ota mukaan CV ja "
    "tieto siitä, millaista työtä haet.",
    "skills_employed": "Katso koulutuksia ja oppisopimuspaikkoja Työmarkkinatorista. Oppisopimuksesta voit kysyä "
    "myös omalta työnantajaltasi tai oppilaitokselta.",
    "start": "Varaa aika työllisyysalueen asiantuntijalle tai ota yhteyttä alla olevaan osoitteeseen.",
}


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
        self.fields_text = ", ".join(label("field", f) for f in profile.named_fields[:3])

    # -- helpers -------------------------------------------------------------------------
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

    def _rating_factor(self, area: str) -> str:
        return f"{label('life_area', area)} {self.profile.rating(area)}/5"

    def _unemployment_factor(self) -> list[str]:
        months = self.profile.unemployed_months
        return [f"työttömänä {months_text(months)}"] if months else []

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
        factors = [label("situation", p.situation)] + self._unemployment_factor()
        if p.low("finances"):
            why += " Arvioit talouden tilanteesi heikoksi: hae etuutta heti, sillä se ei tule automaattisesti."
            factors.append(self._rating_factor("finances"))
        services = self._pick(["ilmoittautuminen-tyonhakijaksi", "tyottomyysturva"], categories=("registration",))
        return Step("Ilmoittaudu työnhakijaksi", why, services, key="register", factors=factors)

    def clarify_step(self) -> Step | None:
        p = self.profile
        reasons: list[str] = []
        national: list[str] = []
        categories: list[str] = []
        factors: list[str] = []
        if p.has_partial_work_ability:
            if p.work_ability == "partial":
                reasons.append("Kerroit, että terveytesi rajoittaa sitä, millaista työtä voit tehdä.")
                factors.append("terveys rajoittaa työtä")
            elif p.situation == "sick_leave":
                reasons.append("Olet sairauslomalla.")
                factors.append("sairauslomalla")
            else:
                reasons.append(f"Arvioit terveytesi heikoksi ({p.rating('health')}/5).")
                factors.append(self._rating_factor("health"))
            reasons.append("Työkyvyn arviointi ja työkykykoordinaattori auttavat löytämään työn, joka sopii sinulle.")
            national += ["tyokyvyn-arviointi", "tyokykykoordinaattori", "kela-ammatillinen-kuntoutus"]
            categories += ["work_ability"]
        if p.is_young:
            reasons.append(
                f"Olet {p.age}-vuotias: Ohjaamo auttaa alle 30-vuotiaita työhön, opiskeluun ja arjen asioihin yhdestä paikasta."
            )
            national += ["ohjaamo"]
            categories += ["youth"]
            factors.append(f"{p.age}-vuotias")
        if p.needs_finnish:
            reasons.append(
                "Suomen kielen opiskelu avaa monta ovea työelämään. Kotoutumiskoulutuksessa opiskelet kieltä ja työelämätaitoja."
            )
            national += ["kotoutumiskoulutus"]
            categories += ["integration"]
            factors.append(f"suomen kielen taito: {label('finnish_level', p.finnish_level)}")
        if p.low("wellbeing") and not p.has_partial_work_ability:
            reasons.append(
                f"Arvioit hyvinvointisi heikoksi ({p.rating('wellbeing')}/5). Työkykykoordinaattori auttaa "
                "selvittämään, mikä tukisi jaksamistasi ja millainen työ sopisi nyt."
            )
            national += ["tyokykykoordinaattori"]
            categories += ["work_ability"]
            factors.append(self._rating_factor("wellbeing"))
        needs_multisector = p.is_long_term_unemployed and (
            p.low("daily_life") or p.low("social") or p.low("wellbeing") or p.has_partial_work_ability
        )
        if needs_multisector:
            reasons.append(
                f"{self._unemployment_text()} ja tarvitset tukea monessa asiassa. Monialaisessa yhteispalvelussa "
                "työllisyysalue, Kela ja hyvinvointialue suunnittelevat tukesi yhdessä."
            )
            national += ["monialainen-yhteispalvelu"]
            factors += self._unemployment_factor() + [
                self._rating_factor(area) for area in ("daily_life", "social", "wellbeing") if p.low(area)
            ]
        if (
            not national
            and ("job" not in p.goals or p.situation == "employed")
            and (not p.goals or "education" in p.goals or "try_field" in p.goals)
        ):
            reasons.append(
                "Et ole vielä varma suunnasta. Uraohjauksessa selvität, mikä ala ja koulutus sopisivat sinulle."
                if not p.goals
                else "Haluat miettiä uutta suuntaa. Uraohjauksessa käyt läpi vaihtoehdot ammattilaisen kanssa."
            )
            national += ["uraohjaus"]
            categories += ["guidance"]
            factors.append(
                "suunta vielä auki" if not p.goals else "tavoite: " + ", ".join(label("goal", g) for g in p.goals)
            )
        if not national:
            return None
        services = self._pick(list(dict.fromkeys(national)), categories=categories, limit=3)
        if not services:
            return None
        title = "Selvitä tilanteesi ja työkykysi" if p.has_partial_work_ability else "Selvitä suunta ohjauksessa"
        return Step(title, " ".join(reasons), services, key="clarify", factors=list(dict.fromkeys(factors)))

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
        factors = [self._rating_factor(area) for area in ("daily_life", "social") if p.low(area)]
        if "rehabilitation" in p.goals:
            factors.append("tavoite: jaksaa ensin paremmin")
        national = ["sosiaalinen-kuntoutus", "kuntouttava-tyotoiminta"]
        services = self._pick(national, categories=("rehabilitation", "social"), regional_ids_like=("kuntouttava",))
        step = Step("Vahvista arkea ja jaksamista", why, services, key="rehabilitation", factors=factors)
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
                why = (
                    f"Olet {p.age}-vuotias: työkokeilussa voit näyttää osaamisesi työnantajalle ja saada suosittelijan."
                )
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
            if self.fields:
                # Say truthfully whether a place of the person's own field was found.
                place = next((s for s in services if s.scope != "national" and self._offers_field(s)), None)
                if place is not None:
                    why += f" Alueeltasi löytyi paikka, jossa on alan töitä: {place.title}."
                else:
                    why += (
                        " Valmista alan paikkaa en löytänyt, joten etsit työkokeilupaikan yhdessä asiantuntijan kanssa."
                    )
            factors = (
                ([f"ala: {fields_text}"] if self.fields else [])
                + (["haluat kokeilla uutta alaa"] if "try_field" in p.goals else [])
                + self._unemployment_factor()
            )
            step = Step("Kokeile työtä käytännössä", why, services, key="try", factors=factors)
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
        if p.situation == "student" and "education" not in p.goals:
            why = (
                "Opiskelet. Uraohjauksessa voit miettiä, mihin opintosi vievät, ja oppisopimuksella voit "
                "opiskella ammatin työn ohessa."
            )
        elif wants_education:
            why = "Haluat opiskella. Työvoimakoulutus on maksutonta, ja omaehtoista opiskelua voi joskus tehdä työttömyysetuudella."
        elif p.education == "basic":
            why = "Sinulla on peruskoulun pohjalta lähtevä koulutus. Ammatillinen koulutus tai oppisopimus parantaa mahdollisuuksiasi selvästi."
        elif p.low("skills"):
            why = "Arvioit osaamisesi heikoksi. Lyhyt työvoimakoulutus voi antaa juuri ne taidot, joita työnantajat pyytävät."
        elif "try_field" in p.goals:
            why = "Kun löydät sopivan alan, lyhyt koulutus tai oppisopimus vie sinut alalle nopeimmin."
        else:
            labels = ", ".join(label("field", f) for f in unmatched[:3])
            why = (
                f"En löytänyt {'alueeltasi ' if self.code else ''}valmista työkokeilupaikkaa tai palvelua, jossa "
                f"olisi töitä alalta: {labels}. Työvoimakoulutuksessa voit hankkia alan ammattitaitoa tai päivittää sitä, "
                "ja oppisopimuksella opiskelet alan työn ohessa."
            )
        national = ["tyovoimakoulutus", "omaehtoinen-opiskelu", "oppisopimus"]
        if p.situation == "student":
            national = ["uraohjaus", "oppisopimus", "tyovoimakoulutus"]
        factors = (
            (["tavoite: opiskelu"] if wants_education else [])
            + (["koulutus: peruskoulu"] if p.education == "basic" else [])
            + ([self._rating_factor("skills")] if p.low("skills") else [])
            + ([f"ala: {', '.join(label('field', f) for f in unmatched[:3])}"] if unmatched else [])
        )
        services = self._pick(national, categories=("training", "education"))
        step = Step("Vahvista osaamistasi", why, services, key="skills", factors=factors or ["haluat vaihtaa alaa"])
        return step if services else None

    def business_step(self) -> Step | None:
        if "business" not in self.profile.goals:
            return None
        why = (
            "Haluat ryhtyä yrittäjäksi. Starttiraha turvaa toimeentuloasi yrityksen alussa, "
            "mutta sitä pitää hakea ennen kuin yritystoiminta alkaa."
        )
        services = self._pick(["starttiraha"], categories=("business",))
        step = Step("Perusta oma yritys", why, services, key="business", factors=["tavoite: yrittäjyys"])
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
        if p.age is not None and p.age >= 55 and p.unemployed_months is not None and p.unemployed_months >= 24:
            reasons.append(
                f"Olet {p.age}-vuotias ja ollut työttömänä {months_text(p.unemployed_months)}: työnantaja voi saada "
                "sinun palkkaamiseesi 55 vuotta täyttäneiden työllistämistuen (70 % palkkakuluista, enintään 1 770 €/kk)."
            )
            national.append("tyollistamistuki-55")
            factors += [f"{p.age}-vuotias"] + self._unemployment_factor()
        youth_limit = 3 if p.education == "basic" else 6
        if p.age is not None and p.age < 30 and p.unemployed_months is not None and p.unemployed_months >= youth_limit:
            reasons.append(
                "Olet alle 30-vuotias ja ollut työttömänä vähintään "
                f"{youth_limit} kuukautta: työnantaja voi saada sinun palkkaamiseesi nuorten työllistymissetelin "
                "(50 % palkasta, enintään 1 500 €/kk 6 kuukauden ajan)."
            )
            national.append("nuorten-tyollistymisseteli")
            factors += [f"{p.age}-vuotias"] + self._unemployment_factor()
        if p.has_partial_work_ability:
            reasons.append(
                "Koska työkykysi on alentunut, työnantaja voi saada palkkatukea 70 % palkkakuluista (enintään 1 770 €/kk) "
                "ja tukea työpaikan järjestelyihin. Työhönvalmentaja auttaa löytämään sopivan työn ja tukee työpaikalla."
            )
            national += ["palkkatuki", "tyohonvalmennus"]
            factors.append("terveys rajoittaa työtä" if p.work_ability == "partial" else "työkyky alentunut")
        elif p.is_long_term_unemployed:
            reasons.append(
                "Pitkän työttömyyden jälkeen palkkatuki madaltaa työnantajan kynnystä palkata sinut, ja "
                "työhönvalmentaja tukee sinua työn löytämisessä."
            )
            national += ["palkkatuki", "tyohonvalmennus"]
            factors += self._unemployment_factor()
        if p.low("employment"):
            reasons.append(
                f"Arvioit työnhakusi tilanteen heikoksi ({p.rating('employment')}/5): valmentaja auttaa "
                "hakemaan töitä suunnitelmallisesti."
            )
            if "tyohonvalmennus" not in national and "tyonhakuvalmennus" not in national:
                national.append("tyonhakuvalmennus")
            factors.append(self._rating_factor("employment"))
        if not national:
            if self.fields:
                opener = f"Kun haet töitä alalta {self.fields_text}, "
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
            factors += ([f"ala: {self.fields_text}"] if self.fields else []) or (
                self._unemployment_factor() or [label("situation", p.situation)]
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
        title = "Tee työtä tuetusti" if "tyonhakuvalmennus" not in national else "Hae töitä tuen kanssa"
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
        why = (
            "Kun työ alkaa, sen pitää myös sujua terveytesi kanssa. Työnantaja voi saada työolosuhteiden "
            "järjestelytukea esimerkiksi apuvälineisiin tai työkaverin antamaan opastukseen, ja "
            "työkykykoordinaattori auttaa sovittamaan työn ja terveyden yhteen."
        )
        services = self._pick(["tyoolosuhteiden-jarjestelytuki", "tyokykykoordinaattori"], categories=("work_ability",))
        if services and "tyokykykoordinaattori" not in [s.id for s in services]:
            # the coordinator is already in an earlier step of the path
            why = why.replace(
                ", ja työkykykoordinaattori auttaa",
                ". Aiemmassa askeleessa mainittu työkykykoordinaattori auttaa myös työn alettua",
            )
        factors = ["terveys rajoittaa työtä" if p.work_ability == "partial" else "työkyky alentunut"]
        step = Step("Pysy työssä", why, services, key="stay_at_work", factors=factors)
        return step if services else None

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
    def _step_methods(self) -> list[Any]:
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

    def _rebuild_without(self, method: Any, used: set[str]) -> Step | None:
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
                step.why = f"Muita vaihtoehtoja tähän askeleeseen. Askeleen perustelu: {step.why}"
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
            step.how_to_start = self._how_to_start(step)
            step.contact = dict(TYOMARKKINATORI_CONTACT) if step.key == "register" else dict(contact)
            step.factors = [f for f in dict.fromkeys(step.factors) if f] or self._general_factors()
        self._add_notes()
        return {"steps": [s.as_dict() for s in steps], "contact": contact, "notes": self.notes}

    # -- when the rules give fewer than two steps ----------------------------------------------
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

    def _situation_opener(self) -> str:
        """A short sentence from the answers the fallback steps build on ("Olet töissä.")."""
        p = self.profile
        parts: list[str] = []
        if p.situation == "employed":
            parts.append("Olet töissä.")
        elif p.situation == "student":
            parts.append("Opiskelet.")
        elif p.situation == "sick_leave":
            parts.append("Olet sairauslomalla.")
        elif p.situation == "laid_off":
            parts.append("Olet lomautettu.")
        elif p.situation == "graduating":
            parts.append("Valmistut pian.")
        elif p.situation == "unemployed":
            parts.append((self._unemployment_text() or "Olet työtön") + ".")
        elif p.age is not None:
            parts.append(f"Olet {p.age}-vuotias.")
        goal_texts = {
            "job": "Haluat löytää työn.",
            "education": "Haluat opiskella.",
            "try_field": "Haluat kokeilla uutta alaa.",
            "business": "Haluat ryhtyä yrittäjäksi.",
            "rehabilitation": "Haluat ensin kuntoutua ja jaksaa paremmin.",
        }
        parts += [goal_texts[g] for g in p.goals[:2] if g in goal_texts]
        if not p.goals:
            parts.append("Et ole vielä varma suunnasta.")
        return " ".join(parts)

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
        opener = self._situation_opener()
        fields_text = self.fields_text
        employed_like = p.situation in ("employed", "student")
        options: list[tuple[str, str, str, list[str], tuple[str, ...]]] = [
            (
                "clarify",
                "Selvitä suunta ohjauksessa",
                "Uraohjauksessa mietit ammattilaisen kanssa, millainen työ tai koulutus sopisi sinulle nyt"
                + (" ja miten pääset eteenpäin nykyisestä työstäsi." if p.situation == "employed" else "."),
                ["uraohjaus", "ohjaamo"],
                ("guidance", "youth"),
            ),
            (
                "supported_work",
                "Hae töitä tuen kanssa",
                (f"Kun haet töitä alalta {fields_text}, " if fields_text else "")
                + ("työnhakuvalmennuksessa" if fields_text else "Työnhakuvalmennuksessa")
                + " saat apua hakemuksiin, CV:hen ja työhaastatteluun.",
                ["tyonhakuvalmennus", "tyohonvalmennus"],
                ("coaching",),
            ),
            (
                "skills",
                "Vahvista osaamistasi",
                "Oppisopimuksessa opiskelet ammatin työn ohessa ja saat palkkaa."
                if employed_like
                else "Työvoimakoulutus on maksutonta, ja sen avulla voit hankkia tai päivittää ammattitaitosi."
                + (f" Katso alan {fields_text} koulutukset Työmarkkinatorista." if fields_text else ""),
                ["oppisopimus", "tyovoimakoulutus", "omaehtoinen-opiskelu"]
                if employed_like
                else ["tyovoimakoulutus", "oppisopimus", "omaehtoinen-opiskelu"],
                ("training", "education"),
            ),
            (
                "try",
                "Kokeile työtä käytännössä",
                "Työkokeilussa näet oikealla työpaikalla, sopiiko työ sinulle.",
                ["tyokokeilu", "nuorten-tyopaja", "koulutussopimus"],
                ("work_trial",),
            ),
        ]
        if self.exclude and "business" not in p.goals and p.situation in ("unemployed", "laid_off", "employed", None):
            # another direction, offered only when the person asks for something else
            options.append(
                (
                    "business",
                    "Harkitse yrittäjyyttä",
                    "Yksi vaihtoehto on oma yritys. Jos haluat kokeilla yrittäjyyttä, starttiraha turvaa "
                    "toimeentuloasi yrityksen alussa. Sitä pitää hakea ennen kuin yritystoiminta alkaa.",
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
            factors += ["tavoite: " + ", ".join(label("goal", g) for g in p.goals)] if p.goals else []
            out.append(Step(title, why, services, key=key, factors=[f for f in factors if f]))
        return out

    def _how_to_start(self, step: Step) -> str:
        p = self.profile
        if step.key == "supported_work" and not any(s.category == "employer_support" for s in step.services):
            return HOW_TO_START["job_search"]
        if step.key == "skills" and p.situation in ("employed", "student"):
            return HOW_TO_START["skills_employed"]
        return HOW_TO_START[step.key]

    def _general_factors(self) -> list[str]:
        """Why a step fits when no single answer called for it."""
        p = self.profile
        known = [label("situation", p.situation)] if p.situation in SITUATIONS else []
        if p.age is not None:
            known.append(f"{p.age}-vuotias")
        return known or ["sopii lähes kaikille työnhakijoille"]

    def _add_notes(self) -> None:
        p = self.profile
        if p.municipality and self.municipality is None:
            self.notes.append(f'En tunnistanut kuntaa "{p.municipality}", joten näytän valtakunnalliset palvelut.')
        elif self.municipality is None:
            self.notes.append("Et kertonut kuntaasi, joten näytän valtakunnalliset palvelut.")
        elif self.catalogue.area_for_municipality(self.code) is None:
            self.notes.append(
                f"En vielä tunne kunnan {self.municipality.name_fi} työllisyysalueen palveluja. "
                "Näytän valtakunnalliset palvelut; yhteystiedot löydät Työmarkkinatorilta."
            )
        if p.situation in ("unemployed", "laid_off") or p.unemployed_months:
            self.notes.append("Työttömyysetuudesta päättää Kela tai työttömyyskassa. Polkuopas ei voi luvata etuutta.")


def recommend_jobseeker_path(
    catalogue: CatalogueSnapshot,
    profile: JobseekerProfile | dict[str, Any],
    *,
    exclude: frozenset[str] | set[str] = frozenset(),
) -> dict[str, Any]:
    """CONTRACT §4 `POST /api/recommend/jobseeker` response for a profile.

    `exclude` leaves out services already shown, for "jotain muuta" (other options).
    """
    if isinstance(profile, dict):
        profile = JobseekerProfile.from_dict(profile)
    return JobseekerPathBuilder(catalogue, profile, frozenset(exclude)).build()
