import { plural, type Translation } from '../translation.ts'

const n = (value: number) => value.toLocaleString('de')
/** A count in brackets after a label, or nothing when it is not known (null). */
const inParens = (count: number | null) => (count === null ? '' : ` (${n(count)})`)
/** German has only the plural forms "one" and "other". */
const counted =
  (one: string, other: string) =>
  (count: number): string =>
    plural('de', count, { one, other })

export const de: Translation = {
  $code: 'de',
  $dir: 'ltr',

  loadingPoll: 'Umfrage wird geladen …',
  vote: 'Abstimmen',
  changeVote: 'Stimme ändern',
  withdrawVote: 'Stimme zurückziehen',
  yourVote: 'Ihre Stimme',
  voteRecorded: 'Stimme gezählt',
  voteWithdrawn: 'Stimme zurückgezogen',
  votes: counted('# Stimme', '# Stimmen'),
  total: (votes, voters) =>
    de.votes(votes) + (votes === voters ? '' : counted(' von # Person', ' von # Personen')(voters)),
  chooseUpTo: counted('Wählen Sie # Option.', 'Wählen Sie bis zu # Optionen.'),
  choiceLimit: 'Entfernen Sie ein Häkchen, um etwas anderes zu wählen.',
  chooseOne: 'Bitte wählen Sie eine Option.',
  opens: (date) => `Die Abstimmung beginnt am ${date}`,
  closes: (when) => `Endet ${when}`,
  closed: 'Abstimmung beendet',
  resultsAfterVote: 'Die Ergebnisse erscheinen nach Ihrer Stimmabgabe',
  resultsAfterClose: (date) =>
    `Die Ergebnisse erscheinen, wenn die Abstimmung endet${date && ` (am ${date})`}`,
  locked: 'Stimmen in dieser Umfrage sind endgültig.',
  retryIn: (seconds) => {
    const minutes = seconds >= 90
    const later = new Intl.RelativeTimeFormat('de').format(
      minutes ? Math.ceil(seconds / 60) : seconds,
      minutes ? 'minute' : 'second'
    )
    return `Zu viele Stimmen. Bitte versuchen Sie es ${later} erneut.`
  },

  name: 'Name',
  nameHelp: 'Wird neben Ihrem Kommentar angezeigt.',
  comment: 'Kommentar',
  commentHelp: (max) =>
    `Bis zu ${n(max)} Zeichen. Links, *kursiv*, **fett**, > Zitate und \`Code\` werden formatiert.`,
  commentEmpty: 'Bitte schreiben Sie einen Kommentar.',
  postComment: 'Kommentar veröffentlichen',
  cancel: 'Abbrechen',
  yourData: 'Ihre Daten',
  dataIntro:
    'Was Sie hier schreiben, abstimmen und mit Reaktionen versehen, wird unter einer anonymen Kennung gespeichert, die auf diesem Gerät liegt. Es werden keine Cookies verwendet.',
  dataDownload: 'Meine Daten herunterladen',
  dataDownloaded: 'Ihre Daten wurden heruntergeladen.',
  dataNothing: 'Über Sie ist auf dieser Website nichts gespeichert.',
  dataErase: 'Meine Daten löschen',
  dataConfirm:
    'Ihre Kommentare, Stimmen, Reaktionen und Meldungen auf dieser Website löschen? Kommentare, auf die andere geantwortet haben, bleiben als „gelöscht“ stehen. Das kann nicht rückgängig gemacht werden.',
  dataConfirmErase: 'Alles löschen',
  dataErased: 'Ihre Daten wurden gelöscht.',
  close: 'Schließen',
  commentPosted: 'Kommentar veröffentlicht',
  commentHeld: 'Kommentar wartet auf Prüfung',
  draftKept: 'Ihr Kommentar wurde noch nicht veröffentlicht; er ist auf diesem Gerät gespeichert.',
  tryAgain: 'Erneut versuchen',
  signInToComment: 'Melden Sie sich an, um zu kommentieren.',
  signIn: 'Anmelden',

  commentsHeading: 'Kommentare',
  comments: counted('# Kommentar', '# Kommentare'),
  loadingComments: 'Kommentare werden geladen …',
  noComments: 'Noch keine Kommentare. Beginnen Sie die Diskussion.',
  loadMore: 'Weitere Kommentare laden',
  reply: 'Antworten',
  inReplyTo: (name) => `als Antwort auf ${name || 'einen gelöschten Kommentar'}`,
  sortBy: 'Sortieren nach',
  sorts: { newest: 'Neueste', oldest: 'Älteste', top: 'Beliebteste', balanced: 'Ausgewogen' },
  language: 'Sprache',
  allLanguages: 'Alle Sprachen',
  languageOption: (name, count) => `${name} (${n(count)})`,
  stance: 'Haltung',
  allStances: 'Alle Haltungen',
  stanceOption: (label, count) => `Gestimmt: ${label}${inParens(count)}`,
  noStance: (count) => `Keine Stimme angezeigt${inParens(count)}`,
  voted: (label) => `Gestimmt: ${label}`,
  showStance: (label) => `Meine Stimme („${label}“) mit meinem Kommentar zeigen`,
  count: (count) => (count ? de.comments(count) : 'Noch keine Kommentare'),

  badges: { author: 'Autor des Artikels', expert: 'Experte', verified: 'Verifiziert' },
  edited: '(bearbeitet)',
  deleted: 'Dieser Kommentar wurde gelöscht.',
  showReplies: counted('# Antwort anzeigen', '# Antworten anzeigen'),
  hideReplies: counted('# Antwort ausblenden', '# Antworten ausblenden'),
  moreReplies: counted('# weitere Antwort anzeigen', '# weitere Antworten anzeigen'),
  moreRepliesShown: 'Weitere Antworten angezeigt',

  reactions: 'Reaktionen',
  reactionNames: {
    '👍': 'Gefällt mir',
    '❤️': 'Liebe ich',
    '😂': 'Haha',
    '😮': 'Wow',
    '😢': 'Traurig',
    '😠': 'Wütend',
  },
  reactionCount: (name, count) => `${name}, ${n(count)}`,
  reacted: (name) => `Ihre Reaktion: ${name}`,
  reactionRemoved: 'Reaktion entfernt',

  edit: 'Bearbeiten',
  editComment: 'Kommentar bearbeiten',
  save: 'Speichern',
  commentUpdated: 'Kommentar aktualisiert',
  delete: 'Löschen',
  deleteConfirm: 'Diesen Kommentar löschen?',
  deleteComment: 'Kommentar löschen',
  commentDeleted: 'Kommentar gelöscht',
  report: 'Melden',
  reportReason: 'Warum melden Sie diesen Kommentar?',
  reasons: {
    spam: 'Spam',
    abuse: 'Beleidigung oder Hass',
    off_topic: 'Themenfremd',
    other: 'Anderes',
  },
  reportNote: 'Einzelheiten (optional)',
  sendReport: 'Meldung senden',
  reportSent: 'Danke. Ein Moderator wird diesen Kommentar prüfen.',
  reported: 'Gemeldet',

  pinned: 'Angeheftet',
  awaitingReview: 'Wartet auf Prüfung',
  pendingNote: 'Nur Sie sehen diesen Kommentar, bis ein Moderator ihn freigibt.',
  removed: (reason) => `Von einem Moderator entfernt. Grund: ${reason}.`,
  removalReasons: {
    spam: 'Spam',
    hate: 'Hassrede',
    harassment: 'Belästigung',
    illegal: 'rechtswidrige Inhalte',
    off_topic: 'themenfremd',
    other: 'Sonstiges',
  },
  statement: 'Begründung',
  appeal: 'Widerspruch einlegen',
  appeals: {
    open: 'Ihr Widerspruch wird geprüft.',
    upheld: 'Ihr Widerspruch wurde geprüft; die Entscheidung bleibt bestehen.',
    reversed: 'Ihrem Widerspruch wurde stattgegeben.',
  },
  appealLabel: 'Warum sollte diese Entscheidung aufgehoben werden?',
  sendAppeal: 'Widerspruch senden',
  appealSent: 'Widerspruch gesendet. Ein Moderator wird ihn prüfen.',
  expertResponse: 'Antwort einer Fachperson',
  featured: 'Hervorgehoben',
  illegal: 'Rechtswidriger Inhalt (EU-Recht)',
  noticeHelp:
    'Eine Meldung nach dem Gesetz über digitale Dienste der EU (DSA). Die Website prüft sie und teilt Ihnen ihre Entscheidung per E-Mail mit.',
  noticeLaw: 'Gegen welches Gesetz verstößt er?',
  noticeExplanation: 'Warum ist er rechtswidrig?',
  noticeName: 'Ihr Name',
  noticeEmail: 'Ihre E-Mail-Adresse',
  noticeGoodFaith:
    'Ich bestätige in gutem Glauben, dass diese Meldung richtig und vollständig ist.',
  sendNotice: 'Meldung senden',
  noticeSent: 'Danke. Ihre Meldung wurde gesendet.',

  errors: {
    invalid_input: 'Bitte prüfen Sie Ihre Eingabe.',
    payload_too_large: 'Das ist zu lang zum Senden.',
    unauthorized: 'Ihre Sitzung ist abgelaufen. Bitte versuchen Sie es erneut.',
    forbidden: 'Nur die Autorin oder der Autor kann das tun.',
    forbidden_origin: 'Parley ist für diese Website nicht aktiviert.',
    not_found: 'Das wurde nicht gefunden.',
    site_not_found: 'Diese Website ist nicht für Parley eingerichtet.',
    thread_not_found: 'Diese Diskussion gibt es nicht.',
    poll_not_found: 'Diese Umfrage gibt es nicht.',
    comment_not_found: 'Diesen Kommentar gibt es nicht mehr.',
    parent_not_found: 'Der Kommentar, auf den Sie antworten, existiert nicht mehr.',
    invalid_option: 'Diese Option gehört nicht mehr zu dieser Umfrage.',
    reaction_not_allowed: 'Diese Reaktion ist hier nicht verfügbar.',
    poll_closed: 'Diese Umfrage ist beendet.',
    poll_not_open: 'Diese Umfrage hat noch nicht begonnen.',
    vote_locked: 'Stimmen in dieser Umfrage können nicht geändert werden.',
    too_many_choices: 'Sie haben mehr Optionen gewählt, als diese Umfrage erlaubt.',
    edit_window_closed:
      'Kommentare können nur in den ersten 15 Minuten nach der Veröffentlichung bearbeitet werden.',
    already_reported: 'Sie haben diesen Kommentar bereits gemeldet.',
    comment_deleted: 'Dieser Kommentar wurde gelöscht.',
    banned: 'Sie können auf dieser Website nicht mehr kommentieren.',
    challenge_required:
      'Bitte bestätigen Sie, dass Sie kein Roboter sind, und versuchen Sie es dann erneut.',
    challenge_failed:
      'Die Prüfung, ob Sie ein Roboter sind, ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
    not_removed: 'Dieser Kommentar wurde nicht entfernt.',
    appeal_exists: 'Sie haben gegen diese Entscheidung bereits Widerspruch eingelegt.',
    sign_in_required: 'Bitte melden Sie sich dafür an.',
    conflict: 'Dies wurde bereits mit anderem Inhalt gesendet.',
    rate_limited: 'Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
    unavailable:
      'Parley ist gerade nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    internal: 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.',
  },
}
