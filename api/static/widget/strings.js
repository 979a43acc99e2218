/*
 * Polkuopas widget – the Finnish words of the chat (buttons, labels, messages).
 *
 * The labels of codes (service scope etc.) are not here: they come from GET /api/vocabulary.
 */

export const T = Object.freeze({
  botName: 'Polkuopas',
  botSays: 'Polkuopas:',
  userSays: 'Sinä:',
  errorPrefix: 'Virhe:',
  typing: 'Polkuopas kirjoittaa…',
  newTab: ' (avautuu uuteen välilehteen)',
  quickRepliesLabel: 'Vastausvaihtoehdot',
  readMore: 'Lue lisää',
  source: 'Lähde',
  checked: 'tarkistettu',
  checkedCapital: 'Tarkistettu',
  provider: 'Palveluntarjoaja',
  contact: 'Yhteystiedot',
  scopeLabel: 'Palvelun alue: ',
  cardFallbackTitle: 'Palvelu',
  launcher: 'Kysy Polkuoppaalta',
  panelTitle: 'Polkuopas',
  pageTitle: 'Keskustelu Polkuoppaan kanssa',
  panelSubtitle: 'Työllisyyspalvelujen opas',
  municipalityPrefix: 'Kunta: ',
  close: 'Sulje keskustelu',
  restart: 'Aloita alusta',
  del: 'Poista keskustelu',
  conversation: 'Keskustelu',
  messages: 'Viestit',
  inputLabel: 'Viestisi',
  send: 'Lähetä',
  hint: 'Enter lähettää viestin, Shift + Enter vaihtaa riviä.',
  privacy: (days) =>
    'Keskustelu tallennetaan palvelimelle, jotta voit jatkaa sitä. Se poistetaan ' +
    `${days} päivän kuluttua tai heti, kun valitset Poista keskustelu. Älä kirjoita ` +
    'henkilötunnusta tai tarkkoja terveystietoja.',
  cardsAnnounced: (n) => (n === 1 ? '1 palvelu.' : `${n} palvelua.`),
  repliesAnnounced: 'Vastausvaihtoehdot:',
  errNetwork: 'Yhteys katkesi. Yritä hetken päästä uudelleen.',
  errValidation: 'Viestiä ei voitu lähettää. Viestin pituus voi olla 1–1000 merkkiä.',
  errRateLimit: 'Liian monta viestiä lyhyessä ajassa. Odota hetki ja yritä uudelleen.',
  errUnavailable: 'Palvelu ei ole juuri nyt käytettävissä. Yritä hetken päästä uudelleen.',
  errGeneric: 'Jotain meni vikaan. Yritä hetken päästä uudelleen.',
  errDelete: 'Keskustelun poistaminen ei onnistunut. Yritä hetken päästä uudelleen.',
  confirmDelete:
    'Haluatko varmasti poistaa keskustelun? Poistettua keskustelua ei voi palauttaa.',
  restarted: 'Keskustelu aloitettiin alusta.',
  deleted: 'Keskustelu poistettiin. Uusi keskustelu alkaa.',
  deletedElsewhere: 'Keskustelu poistettiin toisessa välilehdessä. Voit aloittaa uuden kirjoittamalla viestin.',
  waitForReply: 'Odota hetki, Polkuopas vastaa vielä edelliseen viestiin.',
  limitReached: 'Viestin enimmäispituus, 1000 merkkiä, on täynnä.',
});