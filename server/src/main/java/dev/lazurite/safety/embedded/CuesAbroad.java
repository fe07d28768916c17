package dev.lazurite.safety.embedded;

import java.util.regex.Pattern;

/**
 * Jailbreaks in Spanish, German, French, Portuguese and Chinese, as a request shape that decides
 * alone ({@link Shown}): telling the model to drop its own or earlier instructions ("olvida tus
 * normas", "ignoriere deine Richtlinien", "忽略之前的指令"), asking it for its system prompt ("muéstrame
 * tu prompt de sistema"), to decode or translate something and obey it, or to answer without rules
 * ("sin censura", "Entwicklermodus", "没有任何限制") when the text speaks to the model (a persona put on,
 * "responde", "你"). The English wording of the same moves is a term of the models ({@link Cues});
 * these are not, because the models learnt from few such lines in each language, and adding terms
 * for them moved the weights that catch English jailbreaks.
 */
final class CuesAbroad {
  private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;

  /** Instructions dropped, ignored or declared void. */
  private static final Pattern OVERRIDE =
      Pattern.compile(
          "\\b(?:ignora(?:r|rlas|rlos)?|ignore|ignorad|ignorez|ignorem|ignorer|olvida(?:r)?"
              + "|olvide|olvidad|omite|omitir|desobedece|desobedecer|s[aá]lta(?:te|rte|r)"
              + "|haz caso omiso de|ignorier(?:e|t|en)?|vergiss|vergesst|vergessen"
              + "|missachte(?:t|n)?|[uü]bergeh(?:e|t|en)?|umgeh(?:e|t|en)?|oublie(?:r|z)?"
              + "|contourne(?:r|z)?|d[ée]sob[ée]i(?:s|r)|esquece(?:r)?|esque[çc]a|esque[çc]am"
              + "|desconsidera(?:r)?|desconsidere|contorna(?:r)?|contorne|burlar|passer outre"
              + ")\\b(?:\\W+\\w+){0,5}?\\W+"
              + "(?:instrucciones|reglas|normas|directrices|indicaciones|pautas|pol[ií]ticas"
              + "|restricciones|prompt|programaci[oó]n|consignas|anweisungen|regeln|richtlinien"
              + "|vorgaben|befehle|instruktionen|einschr[aä]nkungen|systemanweisungen"
              + "|systemprompt|programmierung|instructions|consignes|r[eè]gles|directives"
              + "|programmation|instru[çc][õo]es|regras|diretrizes|diretivas|orienta[çc][õo]es"
              + "|restri[çc][õo]es|programa[çc][ãa]o|\\w*richtlinien|\\w*regeln)\\b"
              + "|\\b(?:\\w*richtlinien|\\w*regeln|\\w*anweisungen|vorgaben|filter)\\b"
              + "(?:\\W+\\w+){0,5}?\\W+(?:zu )?(?:ignorieren|umgehen|deaktivieren|missachten"
              + "|vergessen|abschalten|aufheben|ausschalten)\\b"
              + "|\\b(?:anweisungen|regeln|richtlinien|vorgaben|instructions|consignes|r[eè]gles"
              + "|instrucciones|reglas|normas|instru[çc][õo]es|regras)\\W+(?:\\w+\\W+){0,2}?"
              + "(?:gelten nicht mehr|sind aufgehoben|sind deaktiviert|ne comptent plus"
              + "|ne s'appliquent plus|sont annul[ée]es|ya no (?:valen|aplican|cuentan)"
              + "|quedan anuladas|j[aá] n[aã]o (?:valem|se aplicam|contam))"
              + "|(?:忽略|无视|忘记|忘掉|不要理会|别管|绕过|跳过)[^。！？]{0,12}?"
              + "(?:指令|指示|规则|设定|提示词|限制|准则|约束)",
          FLAGS);

  /** An answer asked for without rules, filters or censorship, or a mode without them. */
  private static final Pattern NO_RULES =
      Pattern.compile(
          "\\b(?:sin|ohne|sans|sem)\\W+(?:\\w+\\W+){0,2}?(?:restricciones|reglas|normas|censura"
              + "|l[ií]mites|filtros?|einschr[aä]nkungen|beschr[aä]nkungen|regeln|zensur"
              + "|grenzen|filter|richtlinien|inhaltsrichtlinien|restrictions?|r[eè]gles|censure"
              + "|limites?|filtres?|restri[çc][õo]es|regras)\\b"
              + "|\\bkeine\\W+(?:\\w+\\W+)?(?:regeln|einschr[aä]nkungen|beschr[aä]nkungen|zensur"
              + "|grenzen)\\W+(?:mehr|kennt|kennst|hat|hast)\\b"
              + "|\\b(?:modo|mode) (?:desarrollador|d[ée]veloppeur|desenvolvedor|programador"
              + "|dios|dieu|deus)\\b|\\bentwicklermodus\\b|\\bunzensiert\\w*|\\bnon censur[ée]"
              + "|\\bn'as plus (?:aucune|de) (?:limite|r[eè]gle|restriction)"
              + "|\\bn[aã]o (?:tens|tem) (?:regras|limites|restri[çc][õo]es)"
              + "|\\bno tienes (?:reglas|l[ií]mites|restricciones)"
              + "|没有任何(?:\\p{IsHan}{0,2})(?:限制|规则|约束|审查)"
              + "|不受(?:任何)?(?:\\p{IsHan}{0,2})(?:限制|约束|规则)"
              + "|(?:安全|内容)(?:规则|限制|过滤)[^。！？]{0,4}(?:已|被)?(?:关闭|解除|取消|移除)"
              + "|开发者模式|越狱",
          FLAGS);

  /** A persona put on: "from now on you …", "you are now …", an AI played. */
  private static final Pattern PERSONA =
      Pattern.compile(
          "\\b(?:ahora eres|du bist (?:jetzt|nun)|tu es (?:maintenant|d[ée]sormais)"
              + "|agora (?:[ée]s|voc[eê] [ée]|tu [ée]s))\\b"
              + "|\\b(?:a partir de ahora|desde ahora|desde este momento|ab jetzt|ab sofort"
              + "|von nun an|[àa] partir de maintenant|d[ée]sormais|dor[ée]navant"
              + "|a partir de agora|daqui em diante)\\W+(?:\\w+\\W+){0,3}?(?:eres|ser[aá]s"
              + "|responde\\w*|contesta\\w*|du|bist|antwortest|tu|r[ée]ponds|r[ée]pondras"
              + "|és|voc[eê]|respond\\w*)\\b"
              + "|\\b(?:finge (?:ser|que eres|que [ée]s)|act[uú]a como|haz el papel de"
              + "|tu so,? als|spiel(?:e)?|fais (?:semblant|comme si)|joue le r[ôo]le"
              + "|agis comme|finja (?:ser|que [ée])|faz de conta|aja como|age como)\\b"
              + "(?:\\W+\\w+){0,3}?\\W+(?:ia|ki|ai|i\\.a\\.|modelo|model|bot|chatbot"
              + "|asistente|assistent|assistant|assistente|intelig[eê]ncia|inteligencia"
              + "|intelligence|dan)\\b"
              + "|从现在(?:开始|起)[，, ]{0,2}你|你现在是|你已(?:经)?(?:切换|变成)|假装(?:你是|自己是)"
              + "|扮演[^。！？]{0,8}(?:人工智能|ai|机器人|模型|助手)",
          FLAGS);

  /** A text to decode or translate and then obey. */
  private static final Pattern DECODE_FOLLOW =
      Pattern.compile(
          "\\b(?:descifra|decodifica|decodifique|traduce|traduz|traduza|dekodiere|entschl[uü]ssle"
              + "|[uü]bersetze|d[ée]code|d[ée]chiffre|traduis|traduisez)\\b[^\\n]{0,80}?\\b(?:y|e|und"
              + "|et|luego|despu[ée]s|dann|puis|depois)\\W+(?:\\w+\\W+)?(?:responde|obedece|sigue"
              + "|haz|ejecuta|beantworte|antworte|befolge|f[uü]hre|r[ée]ponds|ob[ée]is|ex[ée]cute"
              + "|suis|fais|responda|obede[çc]a|siga|fa[çc]a|execute)"
              + "|(?:解码|解密|翻译|破译)[^。！？\\n]{0,20}?(?:回答|执行|照做|遵守|服从)",
          FLAGS);

  /** The system prompt or hidden instructions asked for. */
  private static final Pattern EXFILTRATE =
      Pattern.compile(
          "\\b(?:muestra|mu[ée]strame|revela|rev[ée]lame|dime|imprime|comparte|zeig\\w*"
              + "|verrat\\w*|gib|druck\\w*|montre|montrez|r[ée]v[èe]le|r[ée]v[ée]lez|affiche"
              + "|donne|mostra|mostre|revele|diz|diga|partilha|compartilhe)\\b(?:\\W+\\w+){0,6}?"
              + "\\W+(?:prompt (?:de|del|do) sistema|instrucciones (?:ocultas|del sistema"
              + "|internas|secretas)|systemprompt|system-prompt|systemanweisungen"
              + "|versteckten? (?:prompt|anweisungen)|prompt (?:syst[èe]me|cach[ée])"
              + "|instructions (?:syst[èe]me|cach[ée]es|internes)|instru[çc][õo]es (?:ocultas"
              + "|do sistema|internas|secretas))\\b"
              + "|(?:显示|展示|告诉我|输出|打印|泄露|给我看)[^。！？]{0,10}?(?:系统提示|系统指令"
              + "|隐藏的?(?:指令|提示))",
          FLAGS);

  /** Instructions that are the model's own, earlier or the system's, not a recipe's or a game's. */
  private static final Pattern THEIRS =
      Pattern.compile(
          "\\b(?:tus|sus|deine[nmrs]?|ihre|tes|vos|tuas|suas|teus|seus|anteriores|previas"
              + "|del sistema|de seguridad|vorherigen|bisherigen|sicherheits\\w*|system\\w*"
              + "|pr[ée]c[ée]dentes|de s[ée]curit[ée]|syst[èe]me|de seguran[çc]a|do sistema)\\b"
              + "|之前|以前|安全|系统|你的",
          FLAGS);

  /** The text speaks to the model: in the second person, or naming an AI. */
  private static final Pattern ADDRESS =
      Pattern.compile(
          "\\b(?:t[uú]|te|ti|eres|responde\\w*|contesta\\w*|du|dich|dir|antworte\\w*|bist|vous"
              + "|r[ée]ponds|r[ée]pondras|voc[eê]|és|responda|ia|i\\.a\\.|ki|ai|modelo|asistente"
              + "|assistent|assistant|chatbot|bot)\\b|你|人工智能|模型|助手",
          FLAGS);

  private CuesAbroad() {}

  /** Whether {@code lower}, a lower-case text not in English, is a jailbreak in its language. */
  static boolean asks(String lower) {
    if (shows(EXFILTRATE, lower) || shows(DECODE_FOLLOW, lower)) {
      return true;
    }
    if (shows(OVERRIDE, lower) && shows(THEIRS, lower)) {
      return true;
    }
    return shows(NO_RULES, lower) && (shows(PERSONA, lower) || shows(ADDRESS, lower));
  }

  private static boolean shows(Pattern pattern, String lower) {
    return pattern.matcher(lower).find();
  }
}
