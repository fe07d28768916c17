package dev.lazurite.safety.embedded;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Sexual requests that harm someone, in six languages: sexual content with or from a child (an age
 * under eighteen, "she's 13", a school year or a word for a child beside a sexual word, or pictures
 * of a child asked for behind the parents' backs or traded), sex without consent (someone who says
 * no, is asleep or too drunk to refuse or remember, a drugged drink, "without it counting as rape",
 * nudes demanded under threat), and intimate images made, taken or spread without consent (clothes
 * taken off a photo, nudes made of someone, a camera hidden in a bathroom or people filmed there in
 * secret, nudes posted or used for blackmail). Such a request is often worded mildly ("send me
 * pictures", "flirt"), and the same words serve parents, teachers, victims and lawyers: text that
 * asks how to talk about it, report it, prevent it or understand the law does not count. A text
 * that shows the shape is flagged whatever the heads' chance ({@link Shown}).
 */
final class SexualHarm {
  private static final Pattern CHILD =
      Pattern.compile(
          "\\b(?:[1-9]|1[0-7])[ -]?(?:years?[ -]old|yo|y/o|yrs?(?: old)?|años|ans|anos"
              + "|j[äa]hrige[nmrs]?|jahre alt)\\b|(?<![0-9])(?:[1-9]|1[0-7])\\s*岁"
              + "|\\b(?:minors?|underage|under-age|pre-?teens?|young teens?|child|children|kids?"
              + "|little (?:girl|boy)s?"
              + "|school ?(?:girl|boy)s?|menor(?:es)? de edad|niñ[oa]s?|mineur(?:e|s|es)?|fillettes?"
              + "|crian[çc]as?|menin[oa]s?|minderj[äa]hrige[nmrs]?|kinde?r?|m[äa]dchen)\\b"
              + "|\\b(?:young (?:girl|boy)[sz]?|girlz|middle school(?! reunion)\\w*|junior high|elementary school"
              + "|coll[ée]giens?|coll[ée]giennes?)\\b"
              // An age said of someone and left standing ("she's 13, …", "tiene 12 pero …"), not a
              // count of something ("she's 14 weeks pregnant", "tiene 13 escenas").
              + "|\\b(?:(?:she|he)(?:['’]s| is)(?: only| just)?|(?:tiene|tem)(?: solo| sólo| só"
              + "| apenas)?|(?:sie|er) ist(?: erst| nur)?) (?:[1-9]|1[0-5])(?=\\s*(?:[,.;:!?)]|$|but\\b"
              + "|and\\b|so\\b|pero\\b|y\\b|mas\\b|e\\b|aber\\b|und\\b))"
              + "|\\b(?:menin[ao]|niñ[ao]|chica|garota|fille|gamine) de (?:[1-9]|1[0-5])\\b"
              + "|未成年|小学生|初中生|(?:初中|小学)[女男]生|女童|男童|幼女|小女孩|小男孩"
              + "|(?<![一二两三四五六七八九十百])(?:十[一二三四五六七]|[五六七八九十])岁");

  private static final Pattern SEXUAL =
      Pattern.compile(
          "\\b(?:nudes?|naked|topless|sexy|sexual(?:ly)?|sex|erotic|explicit|porn\\w*|seduc\\w*|nsfw|lewd"
              + "|undress\\w*|lingerie|flirt\\w*|dirty|sext\\w*|sleep with|in bed|make out"
              + "|desnud[oa]s?|sexo|er[oó]tic[oa]s?|sexuel(?:le)?s?|nue?s?|d[ée]shabill\\w*"
              + "|coucher avec|nua|pelad[oa]s?|transar|nackt\\w*|erotisch\\w*|ausziehen|sexuell\\w*"
              + "|sin ropa|sem roupa|ohne kleidung)\\b|[ée]rotiques?|sans vêtements|裸|性爱|色情|上床|脱衣");

  private static final Pattern COERCED =
      Pattern.compile(
          "\\b(?:sex|sleep with|have sex|hook up|in bed|coucher avec|acostarse conmigo|transar"
              + "|zum sex|mit mir schlafen)\\b[^.?!\\n]{0,40}?\\b(?:even (?:though|if)|although|when"
              + "|while|aunque|m[êe]me si|mesmo|auch wenn|obwohl)\\s+(?:she|he|they|ella|[ée]l|elle"
              + "|il|ela|ele|sie|er)?\\s*(?:keeps? )?(?:says? no|saying no"
              + "|said no|refuses?|doesn['’]?t want|won['’]?t|is asleep|is drunk|passed out"
              + "|diga que no|no quiere|refuse|ne veut pas|dit non|diz n[ãa]o|n[ãa]o quer|nein sagt"
              + "|nicht will|b[êe]bada)"
              + "|\\btoo drunk to (?:say no|consent|resist|fight)|\\bb[êe]bada demais|\\bzu betrunken"
              + "|\\bdemasiado borracha|\\b(?:slip|put)(?:\\s+\\w+){0,2}?\\s+(?:into|in)\\s+(?:her"
              + "|his|their)\\s+drink|\\bdrug (?:her|him)\\b|\\broofie\\w*"
              + "|\\b(?:or|otherwise) i(?:['’]ll| will) (?:post|share|leak|send)\\s+(?:the|your|her"
              + "|his|their)?\\s*(?:old\\s+)?(?:nudes|photos|pics|pictures|videos|ones)"
              + "|\\bbetrunken machen|\\bnicht mehr wehrt|\\bso drunk (?:that )?she (?:can['’]?t|won['’]?t)"
              + "|\\b(?:drunk|wasted|passe[sd] out|passing out)\\b[^.?!\\n]{0,80}?\\b(?:she|he)"
              + " (?:won['’]?t|wont|can['’]?t|cant) (?:even )?(?:be able to )?(?:say no|refuse|resist)"
              + "|\\b(?:asleep|sleeping|passed out|dormindo|durmiendo|endormie|schlief)\\b[^.?!\\n]{0,50}?"
              + "\\b(?:took advantage of (?:her|him)|aproveitei(?:-me)? (?:dela|dele)|me aproveché de"
              + " (?:ella|él)|(?:sie|ihn) ausgenutzt)"
              + "|\\b(?:without (?:it )?(?:being|counting as|looking like)|so (?:it )?(?:doesn['’]?t"
              + "|won['’]?t) (?:count|look) (?:as|like)|sans que (?:ça|ce soit)(?: passe pour)?|sin que"
              + " (?:sea|parezca)|sem que (?:seja|pareça)|ohne dass es (?:als|wie))(?: \\w+){0,2}? (?:rape"
              + "|un viol|viol|violaci[oó]n|estupro|vergewaltigung)\\b"
              + "|\\b(?:copa|bebida|vaso|verre|copo|drink)\\b[^.?!\\n]{0,40}?(?:se deje|no se acuerde"
              + "|pierda el conocimiento|ne se souvienne|n[ãa]o se lembre)"
              + "|\\b(?:forcer|obliger|obligar|forzar|zwingen|for[çc]ar|obrigar)\\b[^.?!\\n]{0,30}?"
              + "\\b(?:coucher avec|sexo|sex|transar|acostarse con|mit (?:mir|ihm|ihr) schlafen"
              + "|relations? sexuelles?)\\b"
              + "|\\b(?:coucher avec|acostarse con|transar com|sex mit)\\b[^.?!\\n]{0,40}?\\b(?:alors"
              + " qu['’]?(?:elle|il)|cuando (?:ella|él)|quando (?:ela|ele)|wenn (?:sie|er)) (?:refuse"
              + "|no quiere|n[ãa]o quer|nicht will)"
              + "|\\b(?:pastillas?|gotas|drogas?|algo|tropfen|mittel|pulver|tabletten?|rem[eé]dios?"
              + "|comprimidos?|p[óo]|cachets?|somnif[èe]res?|gouttes|produit|medikament\\w*)\\b"
              + "[^.?!\\n]{0,40}?(?:\\ble\\b[^.?!\\n]{0,20}?\\ben (?:la|su) (?:bebida|copa|vaso)"
              + "|\\b(?:echarle|ponerle|meterle)\\b[^.?!\\n]{0,30}?\\b(?:bebida|copa|vaso)"
              + "|\\b(?:ihr|ihm)\\b[^.?!\\n]{0,20}?\\bins getr[äa]nk|\\bin (?:ihr|sein) getr[äa]nk"
              + "|\\bdans son verre|\\bna bebida (?:dela|dele|de uma)|\\bno copo (?:dela|dele))"
              + "|下药|迷晕|迷奸|放进她的?(?:饮料|酒|杯)|让她失去意识|睡着的时候|喝醉以后|不同意|不愿意");

  /**
   * Intimate images made, taken or spread without consent: clothes taken off a photo, a hidden
   * camera where people undress, nudes posted or sent to others; and images of children traded.
   */
  private static final List<Shape> IMAGES =
      List.of(
          Shape.english(
              "clothes",
              "\\b(?:remove|take off|erase|delete)\\s+(?:the\\s+|her\\s+|his\\s+)?clothes\\s+"
                  + "(?:from|in|on|off)\\b|\\btake\\s+(?:the\\s+|her\\s+|his\\s+)?clothes\\s+off\\b"),
          Shape.english(
              "nudif|deepnude|deep-nude|undress",
              "\\bnudif\\w*|\\bdeep-?nudes?\\b|\\bundress(?:ing)? (?:app|ai|bot|tool)s?\\b"),
          Shape.english(
              "make|creat|generat|turn",
              "\\b(?:make|makes|making|create|creating|generate|generating|turn)\\b(?: \\w+){0,2}?"
                  + " (?:nudes?|naked (?:pics|photos|pictures|images)) (?:of|from) (?!me\\b|myself\\b)"),
          Shape.abroad(
              "nudes|naked |intimate |sex tape|nackt|fotos nua|fotos íntimas|fotos desnud"
                  + "|photos intimes|photos d'elle|photos d’elle|裸照",
              "\\b(?:nudes|naked (?:pics|photos|pictures)|intimate (?:photos|pics|videos|images)"
                  + "|sex tape|nacktfotos|nacktbilder|fotos (?:nua|nuas|íntimas|desnud[oa]s?)"
                  + "|photos (?:intimes|d['’]elle nue))\\b[^.?!\\n]{0,80}?\\b(?:post|share|leak"
                  + "|send|publish|upload|spread|blackmail|extort\\w*|publicar|compartir|enviar|subo"
                  + "|subir\\w*|chantaje\\w*|partager|publier|envoyer|chanter|chantage"
                  + "|compartilhar|vazar|mandar|chantage\\w*|schick\\w*|teilen|veröffentlich\\w*"
                  + "|erpress\\w*)"
                  + "|裸照.{0,20}(?:发到|传到|公开|发给|发群)"),
          Shape.abroad(
              "subir|publicar|compartir|difundir|hochlad|hochzulad|posten|verbreit|diffuser|publier"
                  + "|partager|poster|vazar|divulgar|postar|espalhar|extors|erpress|chantag|sextor"
                  + "|勒索",
              "\\b(?:subir|publicar|compartir|difundir|enviar|mandar|hochladen|hochzuladen|posten"
                  + "|verbreiten|diffuser|publier|partager|envoyer|poster|vazar|divulgar|postar"
                  + "|espalhar|extorsionar|chantajear|erpressen|erpresse|chantager|extorquir"
                  + "|chantagear)\\b[^.?!\\n]{0,40}?\\b(?:fotos? (?:[íi]ntimas|desnud[oa]s?|nuas?)"
                  + "|v[ií]deos? [íi]ntimos|nacktbilder|nacktfotos|nacktvideos?|intimfotos"
                  + "|photos? (?:intimes|nues?)|vid[ée]os? intimes|sus fotos desnud[oa])"
                  + "|\\bsext?or(?:si[oó]n|sion|s[ãa]o|tion)\\b[^.?!\\n]{0,20}?(?::|\\bil paie|\\bpaga"
                  + "|\\bzahlt)|\\b(?:mensaje|message|nachricht|mensagem) (?:de |pour |para )?"
                  + "(?:sextors\\w*|extors\\w*)"
                  + "|(?:勒索|敲诈)[^。！？]{0,20}(?:裸|视频|照片)"));

  /**
   * A camera hidden where people undress, or people filmed there in secret; not a search for such a
   * camera ({@link #SWEEP}).
   */
  private static final List<Shape> CAMERAS =
      List.of(
          Shape.english(
              "cam|upskirt|creepshot|secretly",
              "\\b(?:hidden|hide|hiding|secret|spy|tiny|pinhole)\\b(?: \\w+){0,2}?"
                  + " (?:cams?|cameras?)\\b[^.?!\\n]{0,60}?\\b(?:bathroom|shower|bedroom|changing"
                  + "|toilet|locker)|\\b(?:bathroom|shower|bedroom|changing room"
                  + "|toilet|locker room)\\b[^.?!\\n]{0,60}?\\b(?:hidden|hide|secret|spy|tiny|pinhole)"
                  + "\\b(?: \\w+){0,2}? (?:cams?|cameras?)\\b|\\bupskirts?\\b|\\bcreepshots?\\b"
                  + "|\\bsecretly (?:film|record|photograph|tape)\\w*\\b[^.?!\\n]{0,60}?\\b(?:shower"
                  + "|changing|undress\\w*|bathroom|toilet)"),
          Shape.abroad(
              "caméra cachée|cámara oculta|câmera escondida|versteckte kamera|摄像头|偷拍",
              "caméra cachée[^.?!\\n]{0,60}?(?:salle de bain|douche|chambre)"
                  + "|cámara oculta[^.?!\\n]{0,60}?(?:baño|ducha|habitación)"
                  + "|câmera escondida[^.?!\\n]{0,60}?(?:banheiro|chuveiro|quarto)"
                  + "|versteckte kamera[^.?!\\n]{0,60}?(?:bad|dusche|schlafzimmer|umkleide)"
                  + "|针孔摄像头|偷拍|偷偷.{0,4}[装放安].{0,6}摄像头|偷[装放安].{0,6}摄像头"),
          Shape.abroad(
              "versteck|filmer|grabar|filmar|gravar",
              "\\bversteck\\w*[^.?!\\n]{0,30}?\\bkamera\\b[^.?!\\n]{0,40}?\\b(?:umkleide\\w*"
                  + "|dusche|bad|badezimmer|toilette|schlafzimmer|sauna)\\b"
                  + "|\\b(?:filmer|grabar|filmar|gravar)\\b[^.?!\\n]{0,40}?\\b(?:sous la douche"
                  + "|dans la salle de bain|aux toilettes|en la ducha|en el baño|en el vestuario"
                  + "|no banho|no banheiro|no vesti[áa]rio)\\b[^.?!\\n]{0,30}?(?:sans qu['’]?(?:elle|il)"
                  + "|en cachette|sin que|a escondidas|sem (?:que )?(?:ela|ele)|escondid[oa])"));

  /** In German, someone filmed in secret where people undress: all three named. */
  private static final Pattern HEIMLICH = Pattern.compile("\\bheimlich\\b");

  private static final Pattern FILMING =
      Pattern.compile("\\b(?:filme|filmen|filmt|gefilmt|fotografieren|aufnehmen)\\b");

  private static final Pattern UNDRESSING =
      Pattern.compile(
          "\\b(?:dusch\\w*|umkleide\\w*|toilette\\w*|umziehen|umzieht|nackt\\w*)\\b",
          Pattern.UNICODE_CHARACTER_CLASS);

  /** Looking for a hidden camera, not placing one: a search named before the camera. */
  private static final Pattern SWEEP =
      Pattern.compile(
          "\\b(?:check\\w*|detect\\w*|find|finding|spot\\w*|sweep\\w*|scan\\w*|look(?:ing)? for"
              + "|found|discover\\w*|detecto|detectar|encontrar|revisar|détecter|trouver|vérifier"
              + "|verificar|finde|finden|aufspüren|entdeck\\w*)\\b[^.?!\\n]{0,60}?(?:cam|kamera|cámara"
              + "|caméra|câmera)|(?:检查|找到|有没有|发现).{0,15}摄像头",
          Pattern.UNICODE_CHARACTER_CLASS);

  /** Beside a child: pictures asked for in secret from the parents, or traded. */
  private static final Shape GROOMING =
      Shape.abroad(
          "parents|padres|pais|eltern|父母|trade|swap|sell|buy",
          "\\bwithout (?:(?:her|his|their|the) )?parents (?:finding out|knowing|seeing|noticing)|\\bdon['’]?t tell (?:your"
              + "|her|his) parents\\b|\\b(?:trade|swap|sell|buy)\\w* (?:\\w+ ){0,3}?(?:pics|photos"
              + "|pictures|videos|images)\\b|\\bsin que (?:sus|se enteren sus) padres\\b"
              + "|\\bsans que ses parents\\b|\\bsem que os pais\\b|\\bohne dass (?:ihre|seine) eltern\\b"
              + "|不让(?:她|他)(?:的)?父母知道");

  /**
   * Text about such harm that is not a request for it: talking, reporting, preventing, the law, a
   * worried parent or a victim asking what to do.
   */
  private static final Pattern ABOUT =
      Pattern.compile(
          "\\b(?:what (?:can|should) i (?:do|say)|how (?:do|can|should) i (?:talk|speak|explain"
              + "|report|protect|tell|teach)|talk to|report\\w*|protect\\w*|prevent\\w*"
              + "|educat\\w*|warning signs|signs (?:of|that)|groom\\w*|police|therapist|counsel\\w*"
              + "|law|legal(?:ly)?|is it (?:legal|normal|rape)|pressur\\w* me|forced me|hablo con"
              + "|hablar con|denunci\\w*|plainte|anzeige\\w*|sexualkunde|aufkl[äa]r\\w*|educa[çc][ãa]o"
              + "|educaci[oó]n|pubertad|puberty|what should (?:i|she|he|we) do|how (?:do|can|should)"
              + " i (?:handle|deal|respond|react|help)|found|caught|worried|is (?:this|that) normal"
              + "|qu[eé] (?:debo|devo) (?:hacer|fazer)|que dois-je faire|preocupad[oa]s?"
              + "|inquiet\\w*|besorgt|was soll ich tun|ist (?:das|es) normal|es normal)\\b"
              + "|(?:é|est-ce) normal|性教育|报警|保护|担心|正常吗|怎么办"
              // Someone else threatening to do it, told by the one threatened.
              + "|\\b(?:menace|menacent|amenaza|amenazó|droht|drohte|recours|strafbar)\\b"
              + "|\\bamea[çc](?:a|ou)(?![a-zà-ú])|é crime|es (?:un )?delito|违法");

  /**
   * Strings of which a lower-case text contains one wherever {@link #SEXUAL}, {@link #GROOMING},
   * {@link #COERCED} or one of {@link #IMAGES} matches. Most text holds none of them, and looking
   * for them costs a fraction of trying the patterns.
   */
  private static final Needles NEEDS =
      Needles.of(
          "nude|naked|topless|sex|erotic|explicit|porn|seduc|undress|lingerie|flirt|dirty|in bed"
              + "|make out|sleep with|desnud|erótic|erotic| nu |nue|nus |nua|déshabill|deshabill"
              + "|coucher|pelad|transar|nackt|erotisch|ausziehen|drink|drug|roofie|drunk|bêbada"
              + "|betrunken|borracha|acostarse|schlafen|裸|性爱|色情|上床|脱衣|下药|睡着|喝醉|不同意|不愿意"
              + "|sin ropa|sem roupa|ohne kleidung|rotique|sans vêtements|clothes|nudif|camera|caméra"
              + "|cámara|câmera|kamera|针孔|偷拍|intimate|tape|fotos|photos|parents|padres|pais"
              + "|eltern|父母|trade|swap|sell|buy|wehrt|nsfw|lewd|cam|upskirt|creepshot|secretly|heimlich"
              + "|摄像头|迷晕|迷奸|放进她|失去意识|rape|viol|estupro|vergewaltigung|copa|bebida|vaso"
              + "|verre|copo|asleep|sleeping|dormindo|durmiendo|endormie|schlief|passed out|wasted|make"
              + "|creat|generat|turn|forcer|obliger|obligar|forzar|zwingen|forçar|forcar|obrigar"
              + "|getränk|getrank|extors|erpress|chantag|sextor|勒索|敲诈|versteck|filmer|grabar"
              + "|filmar|gravar|subir|publicar|compartir|difundir|hochlad|hochzulad|posten|verbreit"
              + "|diffuser|publier|partager|poster|vazar|divulgar|postar|espalhar|女生|男生|女童|男童");

  private SexualHarm() {}

  /**
   * Whether {@code lower}, a text in lower case, asks for sexual content with a child or sex
   * without consent.
   */
  static boolean asks(String lower) {
    return NEEDS.in(lower) && matches(lower);
  }

  /** The same, without looking for any word first. */
  static boolean matches(String lower) {
    boolean shows =
        Shape.any(IMAGES, lower)
            || ((Shape.any(CAMERAS, lower) || filmedInSecret(lower))
                && !SWEEP.matcher(lower).find())
            || ((SEXUAL.matcher(lower).find() || GROOMING.shows(lower))
                && CHILD.matcher(lower).find())
            || COERCED.matcher(lower).find();
    return shows && !ABOUT.matcher(lower).find();
  }

  private static boolean filmedInSecret(String lower) {
    return lower.contains("heimlich")
        && HEIMLICH.matcher(lower).find()
        && FILMING.matcher(lower).find()
        && UNDRESSING.matcher(lower).find();
  }

  /**
   * English words of the three parts, for the cheap test of English text, whose stems are at hand:
   * a sexual word with a word for a child or an age, or with a word of coercion.
   */
  static final String ENGLISH_SEXUAL =
      "nude nudes naked topless sexy sexual sexually sex erotic explicit porn porno seduce"
          + " seducing undress undressing lingerie flirt flirting dirty bed sleep hook clothes"
          + " nudify nudifying deepnude camera cameras cam cams intimate tape nsfw lewd upskirt"
          + " creepshot secretly gf girlfriend wife";

  static final String ENGLISH_CHILD =
      "minor minors underage preteen child children kid kids girl girls boy boys schoolgirl"
          + " schoolboy pupil student year years yo yrs teen teens girlz middle junior elementary"
          + " she he 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15";

  static final String ENGLISH_COERCION =
      "say says saying refuse refuses drunk asleep unconscious drink drug drugged roofie post"
          + " leak share consent remove erase delete hidden bathroom shower bedroom changing toilet"
          + " locker send publish upload spread take app nudify nudifying deepnude dorm guest guests"
          + " roommate wasted passed passes remember blackmail extort make create generate upskirt"
          + " creepshot rape";

  /** With a word for a child: pictures asked for behind the parents' backs, or traded. */
  static final String ENGLISH_SECRET = "parents trade trading swap sell selling buy buying";
}
