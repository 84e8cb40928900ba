import { plural, type Translation } from '../translation.ts'

const n = (value: number) => value.toLocaleString('pt')
/** A count in brackets after a label, or nothing when it is not known (null). */
const inParens = (count: number | null) => (count === null ? '' : ` (${n(count)})`)
/** Portuguese counts 0 and 1 as singular ("one"); "many" (millions) falls back to "other". */
const counted =
  (one: string, other: string) =>
  (count: number): string =>
    plural('pt', count, { one, other })

/** Portuguese as written in Brazil, which `pt` means in Intl (dates, numbers). */
export const pt: Translation = {
  $code: 'pt',
  $dir: 'ltr',

  loadingPoll: 'Carregando enquete…',
  vote: 'Votar',
  changeVote: 'Mudar voto',
  withdrawVote: 'Retirar voto',
  yourVote: 'Seu voto',
  voteRecorded: 'Voto registrado',
  voteWithdrawn: 'Voto retirado',
  votes: counted('# voto', '# votos'),
  total: (votes, voters) =>
    pt.votes(votes) +
    (votes === voters ? '' : counted(' de # participante', ' de # participantes')(voters)),
  chooseUpTo: counted('Escolha # opção.', 'Escolha até # opções.'),
  choiceLimit: 'Desmarque uma para escolher outra.',
  chooseOne: 'Escolha uma opção.',
  opens: (date) => `A votação abre em ${date}`,
  closes: (when) => `Encerra ${when}`,
  closed: 'Votação encerrada',
  resultsAfterVote: 'Os resultados aparecem depois que você votar',
  resultsAfterClose: (date) =>
    `Os resultados aparecem quando a votação encerrar${date && `, em ${date}`}`,
  locked: 'Os votos desta enquete são definitivos.',
  retryIn: (seconds) => {
    const minutes = seconds >= 90
    const later = new Intl.RelativeTimeFormat('pt').format(
      minutes ? Math.ceil(seconds / 60) : seconds,
      minutes ? 'minute' : 'second'
    )
    return `Votos demais. Tente novamente ${later}.`
  },

  name: 'Nome',
  nameHelp: 'Exibido ao lado do seu comentário.',
  comment: 'Comentário',
  commentHelp: (max) =>
    `Até ${n(max)} caracteres. Links, *itálico*, **negrito**, > citações e \`código\` são formatados.`,
  commentEmpty: 'Escreva um comentário.',
  postComment: 'Publicar comentário',
  cancel: 'Cancelar',
  yourData: 'Seus dados',
  dataIntro:
    'O que você escreve, vota e reage aqui é guardado sob um identificador anônimo mantido neste dispositivo. Nenhum cookie é usado.',
  dataDownload: 'Baixar meus dados',
  dataDownloaded: 'Seus dados foram baixados.',
  dataNothing: 'Nada sobre você está guardado neste site.',
  dataErase: 'Excluir meus dados',
  dataConfirm:
    'Excluir seus comentários, votos, reações e denúncias neste site? Comentários que outras pessoas responderam ficam como “excluídos”. Isso não pode ser desfeito.',
  dataConfirmErase: 'Excluir tudo',
  dataErased: 'Seus dados foram excluídos.',
  close: 'Fechar',
  commentPosted: 'Comentário publicado',
  commentHeld: 'Comentário aguardando moderação',
  draftKept: 'Seu comentário ainda não foi publicado; ele está salvo neste dispositivo.',
  tryAgain: 'Tentar novamente',
  signInToComment: 'Entre para comentar.',
  signIn: 'Entrar',

  commentsHeading: 'Comentários',
  comments: counted('# comentário', '# comentários'),
  loadingComments: 'Carregando comentários…',
  noComments: 'Ainda não há comentários. Comece a conversa.',
  loadMore: 'Carregar mais comentários',
  reply: 'Responder',
  inReplyTo: (name) => `em resposta a ${name || 'um comentário excluído'}`,
  sortBy: 'Ordenar por',
  sorts: {
    newest: 'Mais recentes',
    oldest: 'Mais antigos',
    top: 'Mais curtidos',
    balanced: 'Equilibrado',
  },
  language: 'Idioma',
  allLanguages: 'Todos os idiomas',
  languageOption: (name, count) => `${name} (${n(count)})`,
  stance: 'Posição',
  allStances: 'Todas as posições',
  stanceOption: (label, count) => `Votou ${label}${inParens(count)}`,
  noStance: (count) => `Sem voto exibido${inParens(count)}`,
  voted: (label) => `Votou: ${label}`,
  showStance: (label) => `Mostrar meu voto (“${label}”) no meu comentário`,
  count: (count) => (count ? pt.comments(count) : 'Nenhum comentário ainda'),

  badges: { author: 'Autor do artigo', expert: 'Especialista', verified: 'Verificado' },
  edited: '(editado)',
  deleted: 'Este comentário foi excluído.',
  showReplies: counted('Mostrar # resposta', 'Mostrar # respostas'),
  hideReplies: counted('Ocultar # resposta', 'Ocultar # respostas'),
  moreReplies: counted('Mostrar mais # resposta', 'Mostrar mais # respostas'),
  moreRepliesShown: 'Mais respostas exibidas',

  reactions: 'Reações',
  reactionNames: {
    '👍': 'Curtir',
    '❤️': 'Amei',
    '😂': 'Haha',
    '😮': 'Uau',
    '😢': 'Triste',
    '😠': 'Grr',
  },
  reactionCount: (name, count) => `${name}, ${n(count)}`,
  reacted: (name) => `Sua reação: ${name}`,
  reactionRemoved: 'Reação removida',

  edit: 'Editar',
  editComment: 'Editar comentário',
  save: 'Salvar',
  commentUpdated: 'Comentário atualizado',
  delete: 'Excluir',
  deleteConfirm: 'Excluir este comentário?',
  deleteComment: 'Excluir comentário',
  commentDeleted: 'Comentário excluído',
  report: 'Denunciar',
  reportReason: 'Por que você está denunciando este comentário?',
  reasons: {
    spam: 'Spam',
    abuse: 'Ofensa ou ódio',
    off_topic: 'Fora do assunto',
    other: 'Outro motivo',
  },
  reportNote: 'Detalhes (opcional)',
  sendReport: 'Enviar denúncia',
  reportSent: 'Obrigado. Um moderador vai analisar este comentário.',
  reported: 'Denunciado',

  pinned: 'Fixado',
  awaitingReview: 'Aguardando moderação',
  pendingNote: 'Só você vê este comentário até que um moderador o aprove.',
  removed: (reason) => `Removido por um moderador. Motivo: ${reason}.`,
  removalReasons: {
    spam: 'spam',
    hate: 'discurso de ódio',
    harassment: 'assédio',
    illegal: 'conteúdo ilegal',
    off_topic: 'fora do assunto',
    other: 'outro',
  },
  statement: 'Fundamentação',
  appeal: 'Recorrer',
  appeals: {
    open: 'Seu recurso está em análise.',
    upheld: 'Seu recurso foi analisado e a decisão foi mantida.',
    reversed: 'Seu recurso foi aceito.',
  },
  appealLabel: 'Por que esta decisão deveria ser revertida?',
  sendAppeal: 'Enviar recurso',
  appealSent: 'Recurso enviado. Um moderador vai analisá-lo.',
  expertResponse: 'Resposta de especialista',
  featured: 'Destaques',
  illegal: 'Conteúdo ilegal (legislação da UE)',
  noticeHelp:
    'Uma notificação nos termos do Regulamento dos Serviços Digitais da UE (DSA). O site a analisa e informa a decisão por e-mail.',
  noticeLaw: 'Que lei ele viola?',
  noticeExplanation: 'Por que ele é ilegal?',
  noticeName: 'Seu nome',
  noticeEmail: 'Seu e-mail',
  noticeGoodFaith: 'Confirmo de boa-fé que esta notificação é exata e completa.',
  sendNotice: 'Enviar notificação',
  noticeSent: 'Obrigado. Sua notificação foi enviada.',

  errors: {
    invalid_input: 'Verifique o que você digitou.',
    payload_too_large: 'É longo demais para enviar.',
    unauthorized: 'Sua sessão expirou. Tente novamente.',
    forbidden: 'Só o autor pode fazer isso.',
    forbidden_origin: 'O Parley não está ativado para este site.',
    not_found: 'Não encontrado.',
    site_not_found: 'Este site não está configurado para o Parley.',
    thread_not_found: 'Esta conversa não existe.',
    poll_not_found: 'Esta enquete não existe.',
    comment_not_found: 'Esse comentário não existe mais.',
    parent_not_found: 'O comentário que você está respondendo não existe mais.',
    invalid_option: 'Essa opção não faz mais parte desta enquete.',
    reaction_not_allowed: 'Essa reação não está disponível aqui.',
    poll_closed: 'Esta enquete está encerrada.',
    poll_not_open: 'Esta enquete ainda não está aberta.',
    vote_locked: 'Os votos desta enquete não podem ser alterados.',
    too_many_choices: 'Você escolheu mais opções do que esta enquete permite.',
    edit_window_closed: 'Comentários só podem ser editados até 15 minutos após a publicação.',
    already_reported: 'Você já denunciou este comentário.',
    comment_deleted: 'Esse comentário foi excluído.',
    banned: 'Você não pode mais publicar neste site.',
    challenge_required: 'Conclua a verificação de que você não é um robô e tente novamente.',
    challenge_failed: 'A verificação de que você não é um robô falhou. Tente novamente.',
    not_removed: 'Esse comentário não foi removido.',
    appeal_exists: 'Você já recorreu desta decisão.',
    sign_in_required: 'Entre na sua conta para fazer isso.',
    conflict: 'Isto já foi enviado com outro conteúdo.',
    rate_limited: 'Solicitações demais. Aguarde um momento e tente novamente.',
    unavailable: 'Não é possível acessar o Parley agora. Verifique sua conexão e tente novamente.',
    internal: 'Algo deu errado do nosso lado. Tente novamente.',
  },
}
