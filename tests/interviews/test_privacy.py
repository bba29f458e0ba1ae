"""The privacy warning: it fires on what identifies a person, and not on what notes are full of."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interviews.privacy import ADDRESS, CPR, EMAIL, PHONE, Finding, findings, kinds


@pytest.mark.parametrize(("text", "kind", "found"), [
    ("Hun gav mig sit cpr 010190-1234 uden at blinke", CPR, "010190-1234"),
    ("CPR: 2902001234 (skudår)", CPR, "2902001234"),
    ("personnummer 311299 1234", CPR, "311299 1234"),
    ("cpr-nr. 150765-4321.", CPR, "150765-4321"),
    ("Ring til ham på 75 22 10 00 hvis der er spørgsmål", PHONE, "75 22 10 00"),
    ("tlf.: 20456789", PHONE, "20456789"),
    ("mobil 2045 6789", PHONE, "2045 6789"),
    ("+45 20 45 67 89", PHONE, "+45 20 45 67 89"),
    ("+4520456789", PHONE, "+4520456789"),
    ("0045 2045 6789", PHONE, "0045 2045 6789"),
    ("Hun skrev fra birthe.hansen@varde.dk i går", EMAIL, "birthe.hansen@varde.dk"),
    ("Kontakt: jens+kommune@gmail.com.", EMAIL, "jens+kommune@gmail.com"),
    ("Han bor på Storegade 12 i Varde", ADDRESS, "Storegade 12"),
    ("Adressen er Kirkevej 3B, 6800 Varde", ADDRESS, "Kirkevej 3B"),
    ("Vestergade 4 B, 1. th.", ADDRESS, "Vestergade 4 B"),
    ("De har købt hus på Frederiksberg Allé 40", ADDRESS, "Frederiksberg Allé 40"),
    ("Hun bor ved Lundvænget 7", ADDRESS, "Lundvænget 7"),
    ("Butikken på Torvet ligger på Sønderallé 2", ADDRESS, "Sønderallé 2"),
    ("mødes på Nørrestræde 14 hver tirsdag", ADDRESS, "Nørrestræde 14"),
    ("Kongens Plads 1 er kommunens adresse", ADDRESS, "Kongens Plads 1"),
    ("Hun bor på Markedspladsen 9", ADDRESS, "Markedspladsen 9"),
    ("Han bor på kirkevej 12", ADDRESS, "kirkevej 12"),
])
def test_identifying_text_warns(text, kind, found):
    assert findings(text) == [Finding(kind, found)]


@pytest.mark.parametrize("text", [
    "Interviewet blev holdt 30.10.2014 kl. 10.15 på biblioteket.",
    "Mødet var d. 3/11-2014 fra kl. 10:15-11:30.",
    "I 2014 og 2015 har hun brugt dagplejen, og i 2016 skal hun i skole.",
    "Fra 2014 2015 til nu har det været bedre.",
    "Hun har haft samme telefon 1900 1900 – nej, fra 2014 2015.",
    "Det kostede 1.250 kr. og senere 12.500 kr. om året.",
    "Budgettet er på 1.250.000 kr. i 2015.",
    "De fik 1000 2000 kr i tilskud.",
    "Forælder til to, bruger dagplejen, bor i et parcelhus uden for byen.",
    "Vi gik en tur i parken 2 timer og snakkede.",
    "Hun cykler ad Storegade 2 gange om ugen.",
    "Han kører 12 km ad Kirkevej hver dag.",
    "Alle 3 børn går i skole, og de alle 4 er glade for lærerne.",
    "Vejen 2 km længere fremme er lukket.",
    "Man skal ringe til kommunen 3 gange før der sker noget.",
    "Sagsbehandleren svarede efter 14 dage; det tog 1,5 time.",
    "Hun gav kommunen 4 ud af 10 point og 85 % tilfredshed.",
    "Mødet sluttede kl. 16.45, og bussen kørte 17.05.",
    "Ventetiden var 3-4 uger i 2014, 6-8 uger i 2015.",
    "Telefonnummeret ville hun ikke give, og heller ikke sin e-mail.",
    "Han synes, at @kommunen på Twitter svarer hurtigt.",
])
def test_ordinary_interview_text_does_not_warn(text):
    assert findings(text) == []


def test_a_date_that_cannot_be_a_birthday_is_not_a_cpr_number():
    assert findings("sagsnr. 320190-1234") == []
    assert findings("sagsnr. 290201-1234") == []  # 29 February 1901 and 2001 did not exist


def test_kinds_lists_each_kind_once_across_fields():
    assert kinds("ring 20 45 67 89", "cpr 010190-1234 og 20456789", "") == [CPR, PHONE]


WORDS = st.sampled_from(
    "borger kommune samarbejde dagpleje forælder skole sagsbehandler venlig hurtig langsom "
    "svar brev møde telefon ventetid god dårlig overraskende vej gade torv plads allé "
    "hun han de vi bruger oplevede synes at og men ikke altid aldrig ofte".split()
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=60))
def test_prose_of_plain_words_never_warns(words):
    assert findings(" ".join(words)) == []


SAFE_NUMBERS = st.one_of(
    st.integers(1900, 2099).map(str),  # years
    st.dates().map(lambda d: d.strftime("%d.%m.%Y")),  # dates as Danes write them
    st.tuples(st.integers(0, 23), st.integers(0, 59)).map(lambda t: f"kl. {t[0]}.{t[1]:02d}"),  # times
    st.integers(1, 999).map(lambda n: f"{n}.{250:03d} kr."),  # prices
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(WORDS, SAFE_NUMBERS), min_size=1, max_size=40))
def test_prose_with_years_dates_times_and_prices_never_warns(parts):
    assert findings(" ".join(parts)) == []
