"""The detector on two corpora: sentences that identify someone, and ordinary Danish prose.

Prints the figures (run with -s to see them): how many identifying sentences were caught,
how many ordinary ones raised a false alarm.
"""

import time

from interviews.privacy import findings

IDENTIFYING = [
    "Hun oplyste sit CPR 010203-1234, før jeg nåede at stoppe hende.",
    "Cpr-nummer: 241275-1187.",
    "Han læste personnummeret op: 0512891234.",
    "Borgerens cpr er 150670 4433, skrev sagsbehandleren.",
    "Mobil: 21-43-65-87",
    "Ring på mobil 21 43 65 87 efter kl. 16.",
    "Tlf. 75 22 10 00 (kommunens omstilling gav hende det).",
    "tlf.: 75221000",
    "Hendes nummer er 21.43.65.87.",
    "Han har telefon +45 21 43 65 87.",
    "Kontakt på +4521436587 i dagtimerne.",
    "Ring 0045 2143 6587, hvis hun ikke svarer.",
    "Nummeret er 2143-6587.",
    "Telefonnummer 212 34 567 står på sedlen.",
    "Mob. 30 12 44 90",
    "Telefon: 86-12-34-56",
    "Skriv til birthe.hansen@varde.dk, sagde hun.",
    "Hans mail er jens1972@gmail.com.",
    "E-mail: anne-marie.k@outlook.dk",
    "Hun svarer på post@familien-olsen.dk hver aften.",
    "Send det til kim_s@hotmail.com.",
    "Han bor på Torvet 3 lige over for apoteket.",
    "Adressen er Storegade 12, 6800 Varde.",
    "Hun flyttede til Kirkevej 3B sidste år.",
    "Vi mødtes hjemme hos ham på Vestergade 4 B, 1. th.",
    "De har lejlighed på Frederiksberg Allé 40.",
    "Hun bor ved Lundvænget 7.",
    "Butikken ligger på Sønderallé 2.",
    "Familien bor på Nørrestræde 14.",
    "Kongens Plads 1 er hans arbejdsadresse.",
    "Hun bor på Markedspladsen 9.",
    "Han bor på kirkevej 12 sammen med sin mor.",
    "Datteren går i skole og de bor på Østergade 27.",
    "Find ham på Ribevej 101 i weekenden.",
    "Hun har boet på Vænget 5 i tyve år.",
    "Han bor på Strandvejen 88, 2. sal.",
    "De bor på Bakken 14 ude ved skoven.",
    "Moren, som bor på Søndergade 3, ringede til kommunen.",
    "Han bad mig ringe på 40 50 60 70 i morgen.",
    "Hendes CPR 3112001234 stod på brevet fra kommunen.",
    "Jeg fik hans e-mail: lars@lhansen.dk og hans tlf. 23 45 67 89.",
    "Sønnen bor på Nørregade 21 og har mobil 51-22-33-44.",
]

ORDINARY = [
    "Hun synes, at kommunen er blevet bedre til at svare på breve.",
    "Han ventede tre uger på et svar fra sagsbehandleren.",
    "Interviewet blev holdt 30.10.2014 kl. 10.15 på biblioteket.",
    "Mødet var d. 3/11-2014 fra kl. 10:15-11:30.",
    "Det kostede 1.250 kr. og senere 12.500 kr. om året.",
    "Budgettet er på 1.250.000 kr. i 2015.",
    "De fik 1000 2000 kr i tilskud.",
    "I 2014 og 2015 brugte hun dagplejen, og i 2016 skal hun i skole.",
    "Hun cykler ad Storegade 2 gange om ugen.",
    "Han kører 12 km ad Kirkevej hver dag.",
    "Vejen 2 km længere fremme er lukket.",
    "Vi mødtes på torvet og drak kaffe.",
    "Torvet var fyldt med mennesker til julemarkedet.",
    "Der var 3 børn og 2 voksne til mødet.",
    "Hun gav kommunen 4 ud af 10 point og 85 % tilfredshed.",
    "Telefonnummeret ville hun ikke give, og heller ikke sin e-mail.",
    "Han synes, at @kommunen på Twitter svarer hurtigt.",
    "Ventetiden var 3-4 uger i 2014, 6-8 uger i 2015.",
    "Mødet sluttede kl. 16.45, og bussen kørte 17.05.",
    "Sagsbehandleren svarede efter 14 dage; det tog 1,5 time.",
    "Man skal ringe til kommunen 3 gange, før der sker noget.",
    "Forælder til to, bruger dagplejen, bor i et parcelhus uden for byen.",
    "Hun ringede til borgerservice og fik hjælp med det samme.",
    "Han mener, at medarbejderne lytter, men at reglerne er for stive.",
    "Hjemmeplejen kommer hver morgen kl. 7.30 og bliver i 20 minutter.",
    "Skolen har 450 elever og 38 lærere.",
    "Sagen fik journalnummer 14/2231 og blev afgjort i marts.",
    "Hun har været pensionist siden 2009 og bor alene.",
    "Vi talte om samarbejdet mellem skole og hjem i 45 minutter.",
    "Kommunen sendte et brev den 12. maj, og hun svarede den 20. maj.",
    "Han fik 3.450 kr. tilbage i skat.",
    "Busserne kører hvert 20. minut mellem 6 og 23.",
    "Borgeren var 78 år og havde boet i byen hele livet.",
    "Det tog 2 timer og 15 minutter at udfylde skemaet.",
    "Vi mødtes på pladsen foran rådhuset.",
    "Tilfredsheden steg fra 62 % i 2013 til 71 % i 2014.",
    "Hun har to børn på 4 og 7 år.",
    "Der er 15.000 indbyggere i kommunen og 1.200 ansatte.",
    "Ring hellere end at skrive, sagde hun, så går det hurtigere.",
    "Stien langs åen er blevet bedre oplyst.",
    "Han havde brugt 40-50 timer på ansøgningen.",
    "Kl. 21.43 fik hun endelig et svar på sin mail.",
    "Version 2.1 af selvbetjeningen virker bedre end 1.0.",
    "Mødet i uge 43 blev flyttet til uge 45.",
]


def _figures() -> tuple[list[str], list[str]]:
    missed = [text for text in IDENTIFYING if not findings(text)]
    alarms = [text for text in ORDINARY if findings(text)]
    return missed, alarms


def test_the_corpora_are_big_enough():
    assert len(IDENTIFYING) >= 40
    assert len(ORDINARY) >= 40


def test_every_identifying_sentence_is_caught_and_no_ordinary_one_alarms():
    started = time.perf_counter()
    missed, alarms = _figures()
    took = time.perf_counter() - started
    print(
        f"\nprivacy detector: caught {len(IDENTIFYING) - len(missed)}/{len(IDENTIFYING)} "
        f"identifying, false alarms {len(alarms)}/{len(ORDINARY)} ordinary "
        f"({took * 1000:.1f} ms for both corpora)"
    )
    assert missed == []
    assert alarms == [], [(text, findings(text)) for text in alarms]
