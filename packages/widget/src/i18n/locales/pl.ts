import { plural, type Translation } from '../translation.ts'

const n = (value: number) => value.toLocaleString('pl')
/** A count in brackets after a label, or nothing when it is not known (null). */
const inParens = (count: number | null) => (count === null ? '' : ` (${n(count)})`)
/**
 * A Polish counted message: "one" (1), "few" (2–4, 22–24, …), "many" (0, 5–21, 25–31, …) and
 * "other" (fractions).
 */
const counted =
  (one: string, few: string, many: string, other = many) =>
  (count: number): string =>
    plural('pl', count, { one, few, many, other })

export const pl: Translation = {
  $code: 'pl',
  $dir: 'ltr',

  loadingPoll: 'Wczytywanie ankiety…',
  vote: 'Głosuj',
  changeVote: 'Zmień głos',
  withdrawVote: 'Wycofaj głos',
  yourVote: 'Twój głos',
  voteRecorded: 'Głos zapisany',
  voteWithdrawn: 'Głos wycofany',
  votes: counted('# głos', '# głosy', '# głosów', '# głosu'),
  total: (votes, voters) =>
    pl.votes(votes) +
    (votes === voters
      ? ''
      : counted(' od # osoby', ' od # osób', ' od # osób', ' od # osoby')(voters)),
  chooseUpTo: counted(
    'Wybierz # opcję.',
    'Wybierz maksymalnie # opcje.',
    'Wybierz maksymalnie # opcji.'
  ),
  choiceLimit: 'Odznacz jedną, aby wybrać inną.',
  chooseOne: 'Wybierz opcję.',
  opens: (date) => `Głosowanie rozpocznie się ${date}`,
  closes: (when) => `Koniec ${when}`,
  closed: 'Głosowanie zakończone',
  resultsAfterVote: 'Wyniki pojawią się po oddaniu głosu',
  resultsAfterClose: (date) =>
    `Wyniki pojawią się po zakończeniu głosowania${date && ` (${date})`}`,
  locked: 'Głosów w tej ankiecie nie można zmienić.',
  retryIn: (seconds) => {
    const minutes = seconds >= 90
    const later = new Intl.RelativeTimeFormat('pl').format(
      minutes ? Math.ceil(seconds / 60) : seconds,
      minutes ? 'minute' : 'second'
    )
    return `Zbyt wiele głosów. Spróbuj ponownie ${later}.`
  },

  name: 'Imię lub pseudonim',
  nameHelp: 'Widoczne obok Twojego komentarza.',
  comment: 'Komentarz',
  commentHelp: (max) =>
    `Maksymalnie ${n(max)} znaków. Linki, *kursywa*, **pogrubienie**, > cytaty i \`kod\` są formatowane.`,
  commentEmpty: 'Napisz komentarz.',
  postComment: 'Opublikuj komentarz',
  cancel: 'Anuluj',
  yourData: 'Twoje dane',
  dataIntro:
    'To, co tu piszesz, na co głosujesz i jak reagujesz, jest zapisywane pod anonimowym identyfikatorem przechowywanym na tym urządzeniu. Nie używamy plików cookie.',
  dataDownload: 'Pobierz moje dane',
  dataDownloaded: 'Twoje dane zostały pobrane.',
  dataNothing: 'Na tej stronie nie przechowujemy żadnych danych o Tobie.',
  dataErase: 'Usuń moje dane',
  dataConfirm:
    'Usunąć Twoje komentarze, głosy, reakcje i zgłoszenia na tej stronie? Komentarze, na które ktoś odpowiedział, pozostaną jako „usunięte”. Tej operacji nie można cofnąć.',
  dataConfirmErase: 'Usuń wszystko',
  dataErased: 'Twoje dane zostały usunięte.',
  close: 'Zamknij',
  commentPosted: 'Komentarz opublikowany',
  commentHeld: 'Komentarz czeka na moderację',
  draftKept: 'Twój komentarz nie został jeszcze opublikowany; jest zapisany na tym urządzeniu.',
  tryAgain: 'Spróbuj ponownie',
  signInToComment: 'Zaloguj się, aby komentować.',
  signIn: 'Zaloguj się',

  commentsHeading: 'Komentarze',
  comments: counted('# komentarz', '# komentarze', '# komentarzy', '# komentarza'),
  loadingComments: 'Wczytywanie komentarzy…',
  noComments: 'Nie ma jeszcze komentarzy. Rozpocznij dyskusję.',
  loadMore: 'Wczytaj więcej komentarzy',
  reply: 'Odpowiedz',
  inReplyTo: (name) => `w odpowiedzi na ${name || 'usunięty komentarz'}`,
  sortBy: 'Sortuj według',
  sorts: { newest: 'Najnowsze', oldest: 'Najstarsze', top: 'Najlepsze', balanced: 'Wyważone' },
  language: 'Język',
  allLanguages: 'Wszystkie języki',
  languageOption: (name, count) => `${name} (${n(count)})`,
  stance: 'Stanowisko',
  allStances: 'Wszystkie stanowiska',
  stanceOption: (label, count) => `Głos: ${label}${inParens(count)}`,
  noStance: (count) => `Bez widocznego głosu${inParens(count)}`,
  voted: (label) => `Głos: ${label}`,
  showStance: (label) => `Pokaż mój głos („${label}”) przy komentarzu`,
  count: (count) => (count ? pl.comments(count) : 'Brak komentarzy'),

  badges: { author: 'Autor artykułu', expert: 'Ekspert', verified: 'Zweryfikowany' },
  edited: '(edytowany)',
  deleted: 'Ten komentarz został usunięty.',
  showReplies: counted('Pokaż # odpowiedź', 'Pokaż # odpowiedzi', 'Pokaż # odpowiedzi'),
  hideReplies: counted('Ukryj # odpowiedź', 'Ukryj # odpowiedzi', 'Ukryj # odpowiedzi'),
  moreReplies: counted(
    'Pokaż # kolejną odpowiedź',
    'Pokaż # kolejne odpowiedzi',
    'Pokaż # kolejnych odpowiedzi',
    'Pokaż # kolejnej odpowiedzi'
  ),
  moreRepliesShown: 'Pokazano więcej odpowiedzi',

  reactions: 'Reakcje',
  reactionNames: {
    '👍': 'Lubię to',
    '❤️': 'Super',
    '😂': 'Haha',
    '😮': 'Wow',
    '😢': 'Smutne',
    '😠': 'Wrr',
  },
  reactionCount: (name, count) => `${name}, ${n(count)}`,
  reacted: (name) => `Twoja reakcja: ${name}`,
  reactionRemoved: 'Reakcja usunięta',

  edit: 'Edytuj',
  editComment: 'Edytuj komentarz',
  save: 'Zapisz',
  commentUpdated: 'Komentarz zaktualizowany',
  delete: 'Usuń',
  deleteConfirm: 'Usunąć ten komentarz?',
  deleteComment: 'Usuń komentarz',
  commentDeleted: 'Komentarz usunięty',
  report: 'Zgłoś',
  reportReason: 'Dlaczego zgłaszasz ten komentarz?',
  reasons: {
    spam: 'Spam',
    abuse: 'Obraźliwe treści lub mowa nienawiści',
    off_topic: 'Nie na temat',
    other: 'Inny powód',
  },
  reportNote: 'Szczegóły (opcjonalnie)',
  sendReport: 'Wyślij zgłoszenie',
  reportSent: 'Dziękujemy. Moderator sprawdzi ten komentarz.',
  reported: 'Zgłoszono',

  pinned: 'Przypięty',
  awaitingReview: 'Czeka na moderację',
  pendingNote: 'Tylko Ty widzisz ten komentarz, dopóki moderator go nie zatwierdzi.',
  removed: (reason) => `Usunięty przez moderatora. Powód: ${reason}.`,
  removalReasons: {
    spam: 'spam',
    hate: 'mowa nienawiści',
    harassment: 'nękanie',
    illegal: 'treści niezgodne z prawem',
    off_topic: 'nie na temat',
    other: 'inny',
  },
  statement: 'Uzasadnienie',
  appeal: 'Odwołaj się',
  appeals: {
    open: 'Twoje odwołanie jest rozpatrywane.',
    upheld: 'Twoje odwołanie zostało rozpatrzone; decyzja zostaje utrzymana.',
    reversed: 'Twoje odwołanie zostało uwzględnione.',
  },
  appealLabel: 'Dlaczego ta decyzja powinna zostać zmieniona?',
  sendAppeal: 'Wyślij odwołanie',
  appealSent: 'Odwołanie wysłane. Moderator je rozpatrzy.',
  expertResponse: 'Odpowiedź eksperta',
  featured: 'Wyróżnione',
  illegal: 'Treść niezgodna z prawem (prawo UE)',
  noticeHelp:
    'Zgłoszenie na podstawie unijnego aktu o usługach cyfrowych (DSA). Serwis je rozpatrzy i poinformuje Cię o decyzji e-mailem.',
  noticeLaw: 'Jakie prawo narusza?',
  noticeExplanation: 'Dlaczego jest niezgodna z prawem?',
  noticeName: 'Imię i nazwisko',
  noticeEmail: 'Adres e-mail',
  noticeGoodFaith: 'Oświadczam w dobrej wierze, że to zgłoszenie jest prawdziwe i kompletne.',
  sendNotice: 'Wyślij zgłoszenie',
  noticeSent: 'Dziękujemy. Zgłoszenie zostało wysłane.',

  errors: {
    invalid_input: 'Sprawdź wprowadzone dane.',
    payload_too_large: 'To jest zbyt długie, aby wysłać.',
    unauthorized: 'Sesja wygasła. Spróbuj ponownie.',
    forbidden: 'Tylko autor może to zrobić.',
    forbidden_origin: 'Parley nie jest włączony dla tej witryny.',
    not_found: 'Nie znaleziono.',
    site_not_found: 'Ta witryna nie jest skonfigurowana dla Parley.',
    thread_not_found: 'Ta dyskusja nie istnieje.',
    poll_not_found: 'Ta ankieta nie istnieje.',
    comment_not_found: 'Ten komentarz już nie istnieje.',
    parent_not_found: 'Komentarz, na który odpowiadasz, już nie istnieje.',
    invalid_option: 'Tej opcji nie ma już w ankiecie.',
    reaction_not_allowed: 'Ta reakcja nie jest tu dostępna.',
    poll_closed: 'Ta ankieta jest zamknięta.',
    poll_not_open: 'Ta ankieta nie jest jeszcze otwarta.',
    vote_locked: 'Głosów w tej ankiecie nie można zmieniać.',
    too_many_choices: 'Wybrano więcej opcji, niż pozwala ta ankieta.',
    edit_window_closed: 'Komentarze można edytować tylko przez 15 minut od publikacji.',
    already_reported: 'Ten komentarz został już przez Ciebie zgłoszony.',
    comment_deleted: 'Ten komentarz został usunięty.',
    banned: 'Nie możesz już publikować w tej witrynie.',
    challenge_required: 'Potwierdź, że nie jesteś robotem, i spróbuj ponownie.',
    challenge_failed: 'Weryfikacja, że nie jesteś robotem, nie powiodła się. Spróbuj ponownie.',
    not_removed: 'Ten komentarz nie został usunięty.',
    appeal_exists: 'Ta decyzja została już przez Ciebie zaskarżona.',
    sign_in_required: 'Zaloguj się, aby to zrobić.',
    conflict: 'To zostało już wysłane z inną treścią.',
    rate_limited: 'Zbyt wiele żądań. Odczekaj chwilę i spróbuj ponownie.',
    unavailable: 'Nie można teraz połączyć się z Parley. Sprawdź połączenie i spróbuj ponownie.',
    internal: 'Coś poszło nie tak po naszej stronie. Spróbuj ponownie.',
  },
}
