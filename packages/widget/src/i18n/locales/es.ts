import { plural, type Translation } from '../translation.ts'

const n = (value: number) => value.toLocaleString('es')
/** A count in brackets after a label, or nothing when it is not known (null). */
const inParens = (count: number | null) => (count === null ? '' : ` (${n(count)})`)
/** Spanish counts with "one" and "other" ("many" is for round millions and falls back to it). */
const counted =
  (one: string, other: string) =>
  (count: number): string =>
    plural('es', count, { one, other })

export const es: Translation = {
  $code: 'es',
  $dir: 'ltr',

  loadingPoll: 'Cargando encuesta…',
  vote: 'Votar',
  changeVote: 'Cambiar voto',
  withdrawVote: 'Retirar voto',
  yourVote: 'Tu voto',
  voteRecorded: 'Voto registrado',
  voteWithdrawn: 'Voto retirado',
  votes: counted('# voto', '# votos'),
  total: (votes, voters) =>
    es.votes(votes) + (votes === voters ? '' : counted(' de # votante', ' de # votantes')(voters)),
  chooseUpTo: counted('Elige # opción.', 'Elige hasta # opciones.'),
  choiceLimit: 'Desmarca una para elegir otra.',
  chooseOne: 'Elige una opción.',
  opens: (date) => `La votación se abre el ${date}`,
  closes: (when) => `Cierra ${when}`,
  closed: 'Votación cerrada',
  resultsAfterVote: 'Los resultados aparecen después de votar',
  resultsAfterClose: (date) =>
    `Los resultados aparecen cuando se cierre la votación${date && `, el ${date}`}`,
  locked: 'Los votos de esta encuesta son definitivos.',
  retryIn: (seconds) => {
    const minutes = seconds >= 90
    const later = new Intl.RelativeTimeFormat('es').format(
      minutes ? Math.ceil(seconds / 60) : seconds,
      minutes ? 'minute' : 'second'
    )
    return `Demasiados votos. Vuelve a intentarlo ${later}.`
  },

  name: 'Nombre',
  nameHelp: 'Se muestra junto a tu comentario.',
  comment: 'Comentario',
  commentHelp: (max) =>
    `Hasta ${n(max)} caracteres. Se da formato a enlaces, *cursiva*, **negrita**, > citas y \`código\`.`,
  commentEmpty: 'Escribe un comentario.',
  postComment: 'Publicar comentario',
  cancel: 'Cancelar',
  yourData: 'Tus datos',
  dataIntro:
    'Lo que escribes, votas y las reacciones que dejas aquí se guardan con un identificador anónimo que se conserva en este dispositivo. No se usan cookies.',
  dataDownload: 'Descargar mis datos',
  dataDownloaded: 'Tus datos se han descargado.',
  dataNothing: 'No hay nada guardado sobre ti en este sitio.',
  dataErase: 'Eliminar mis datos',
  dataConfirm:
    '¿Eliminar tus comentarios, votos, reacciones y denuncias en este sitio? Los comentarios que otros han respondido quedan como «eliminados». Esto no se puede deshacer.',
  dataConfirmErase: 'Eliminar todo',
  dataErased: 'Tus datos se han eliminado.',
  close: 'Cerrar',
  commentPosted: 'Comentario publicado',
  commentHeld: 'Comentario pendiente de revisión',
  draftKept: 'Tu comentario aún no se ha publicado; está guardado en este dispositivo.',
  tryAgain: 'Reintentar',
  signInToComment: 'Inicia sesión para comentar.',
  signIn: 'Iniciar sesión',

  commentsHeading: 'Comentarios',
  comments: counted('# comentario', '# comentarios'),
  loadingComments: 'Cargando comentarios…',
  noComments: 'Aún no hay comentarios. Inicia la conversación.',
  loadMore: 'Cargar más comentarios',
  reply: 'Responder',
  inReplyTo: (name) => `en respuesta a ${name || 'un comentario eliminado'}`,
  sortBy: 'Ordenar por',
  sorts: {
    newest: 'Más recientes',
    oldest: 'Más antiguos',
    top: 'Destacados',
    balanced: 'Equilibrado',
  },
  language: 'Idioma',
  allLanguages: 'Todos los idiomas',
  languageOption: (name, count) => `${name} (${n(count)})`,
  stance: 'Postura',
  allStances: 'Todas las posturas',
  stanceOption: (label, count) => `Votó ${label}${inParens(count)}`,
  noStance: (count) => `Sin voto visible${inParens(count)}`,
  voted: (label) => `Votó: ${label}`,
  showStance: (label) => `Mostrar mi voto («${label}») con mi comentario`,
  count: (count) => (count ? es.comments(count) : 'Aún no hay comentarios'),

  badges: { author: 'Autor del artículo', expert: 'Experto', verified: 'Verificado' },
  edited: '(editado)',
  deleted: 'Este comentario se ha eliminado.',
  showReplies: counted('Mostrar # respuesta', 'Mostrar # respuestas'),
  hideReplies: counted('Ocultar # respuesta', 'Ocultar # respuestas'),
  moreReplies: counted('Mostrar # respuesta más', 'Mostrar # respuestas más'),
  moreRepliesShown: 'Se muestran más respuestas',

  reactions: 'Reacciones',
  reactionNames: {
    '👍': 'Me gusta',
    '❤️': 'Me encanta',
    '😂': 'Me divierte',
    '😮': 'Me asombra',
    '😢': 'Me entristece',
    '😠': 'Me enoja',
  },
  reactionCount: (name, count) => `${name}, ${n(count)}`,
  reacted: (name) => `Tu reacción: ${name}`,
  reactionRemoved: 'Reacción retirada',

  edit: 'Editar',
  editComment: 'Editar comentario',
  save: 'Guardar',
  commentUpdated: 'Comentario actualizado',
  delete: 'Eliminar',
  deleteConfirm: '¿Eliminar este comentario?',
  deleteComment: 'Eliminar comentario',
  commentDeleted: 'Comentario eliminado',
  report: 'Denunciar',
  reportReason: '¿Por qué denuncias este comentario?',
  reasons: {
    spam: 'Spam',
    abuse: 'Insultos u odio',
    off_topic: 'Fuera de tema',
    other: 'Otro motivo',
  },
  reportNote: 'Detalles (opcional)',
  sendReport: 'Enviar denuncia',
  reportSent: 'Gracias. Un moderador revisará este comentario.',
  reported: 'Denunciado',

  pinned: 'Fijado',
  awaitingReview: 'Pendiente de revisión',
  pendingNote: 'Solo tú puedes ver este comentario hasta que un moderador lo apruebe.',
  removed: (reason) => `Retirado por un moderador. Motivo: ${reason}.`,
  removalReasons: {
    spam: 'spam',
    hate: 'discurso de odio',
    harassment: 'acoso',
    illegal: 'contenido ilegal',
    off_topic: 'fuera de tema',
    other: 'otro',
  },
  statement: 'Exposición de motivos',
  appeal: 'Recurrir',
  appeals: {
    open: 'Tu recurso se está revisando.',
    upheld: 'Tu recurso se ha revisado y la decisión se mantiene.',
    reversed: 'Tu recurso ha sido aceptado.',
  },
  appealLabel: '¿Por qué debería revocarse esta decisión?',
  sendAppeal: 'Enviar recurso',
  appealSent: 'Recurso enviado. Un moderador lo revisará.',
  expertResponse: 'Respuesta de un experto',
  featured: 'Destacados',
  illegal: 'Contenido ilegal (derecho de la UE)',
  noticeHelp:
    'Una notificación según el Reglamento de Servicios Digitales de la UE (DSA). El sitio la revisa y te comunica su decisión por correo electrónico.',
  noticeLaw: '¿Qué ley infringe?',
  noticeExplanation: '¿Por qué es ilegal?',
  noticeName: 'Tu nombre',
  noticeEmail: 'Tu correo electrónico',
  noticeGoodFaith: 'Confirmo de buena fe que esta notificación es exacta y completa.',
  sendNotice: 'Enviar notificación',
  noticeSent: 'Gracias. Tu notificación se ha enviado.',

  errors: {
    invalid_input: 'Revisa los datos que has introducido.',
    payload_too_large: 'Es demasiado largo para enviarlo.',
    unauthorized: 'Tu sesión ha caducado. Vuelve a intentarlo.',
    forbidden: 'Solo el autor puede hacer eso.',
    forbidden_origin: 'Parley no está activado para este sitio web.',
    not_found: 'No se ha encontrado.',
    site_not_found: 'Este sitio web no está configurado para Parley.',
    thread_not_found: 'Esta conversación no existe.',
    poll_not_found: 'Esta encuesta no existe.',
    comment_not_found: 'Ese comentario ya no existe.',
    parent_not_found: 'El comentario al que respondes ya no existe.',
    invalid_option: 'Esa opción ya no forma parte de esta encuesta.',
    reaction_not_allowed: 'Esa reacción no está disponible aquí.',
    poll_closed: 'Esta encuesta está cerrada.',
    poll_not_open: 'Esta encuesta aún no está abierta.',
    vote_locked: 'Los votos de esta encuesta no se pueden cambiar.',
    too_many_choices: 'Has elegido más opciones de las que permite esta encuesta.',
    edit_window_closed:
      'Los comentarios solo se pueden editar durante 15 minutos tras publicarlos.',
    already_reported: 'Ya has denunciado este comentario.',
    comment_deleted: 'Ese comentario se ha eliminado.',
    banned: 'Ya no puedes publicar en este sitio web.',
    challenge_required: 'Completa la comprobación de que no eres un robot y vuelve a intentarlo.',
    challenge_failed: 'La comprobación de que no eres un robot ha fallado. Vuelve a intentarlo.',
    not_removed: 'Ese comentario no se ha retirado.',
    appeal_exists: 'Ya has recurrido esta decisión.',
    sign_in_required: 'Inicia sesión para hacer eso.',
    conflict: 'Esto ya se envió con otro contenido.',
    rate_limited: 'Demasiadas solicitudes. Espera un momento y vuelve a intentarlo.',
    unavailable:
      'No se puede conectar con Parley en este momento. Comprueba tu conexión y vuelve a intentarlo.',
    internal: 'Algo ha fallado por nuestra parte. Vuelve a intentarlo.',
  },
}
