// Every sentence a screening result can say, in the six UN languages. {placeholders} are filled by explain.ts
// with labels from the rules, joined as the language joins lists.
import type { Language } from '../../reference/schemas.js';
import type { Strength } from './rules.js';
import type { ElementStatus, Outcome } from './schemas.js';
import type { Note } from './screen.js';

export type ScreeningMessages = {
  outcome: Record<Outcome, string>;
  summary: Record<Outcome, string>;
  element: Record<ElementStatus, string>;
  note: Record<Note, string>;
  strength: Record<Strength, string>;
  /** Indicators of an element seen so far that weigh too little to establish it. */
  signs: string;
};

const en: ScreeningMessages = {
  outcome: {
    presumed_trafficking: 'Presumed victim of trafficking',
    possible_trafficking: 'Possible trafficking: more information is needed',
    smuggling_indicated: 'Smuggling of migrants indicated',
    irregular_migration: 'Irregular migration: no exploitation found',
    insufficient_information: 'Not enough information to conclude',
  },
  summary: {
    presumed_trafficking:
      'The facts meet every element of trafficking in persons: treat the person as a presumed victim, with the protection and assistance that brings.',
    possible_trafficking:
      'Some signs of trafficking were found but not every element is established: keep assisting the person and find out what is missing.',
    smuggling_indicated:
      'Someone arranged an irregular border crossing for payment: this points to smuggling of migrants.',
    irregular_migration:
      'The person entered or stayed without authorisation and nobody was found exploiting them: this is irregular migration.',
    insufficient_information: 'The answers do not establish any element yet: ask the questions left open.',
  },
  element: {
    found: 'Found — {element}: {items}.',
    indicated: 'Indicated by the signs observed — {element}: {items}.',
    ruled_out: 'Ruled out — {element}: every question about it was answered no.',
    unknown: 'Not established yet — {element}; still to ask about: {items}.',
    not_required: 'Not required — {element}: the person was a child.',
  },
  note: {
    child_needs_no_means:
      'The person was {age} when recruited: for a child, the act and the purpose of exploitation are enough, no means are needed.',
    age_unknown_means_missing:
      'The age is not known: if the person was under 18 when recruited, no means are needed and this would be trafficking. Find out the age.',
    consent_irrelevant:
      'The person agreed at first, but that does not matter: consent is irrelevant once a means is used, and a child cannot consent to exploitation.',
    consent_matters_without_means:
      'The person agreed at first and no means has been found yet: for an adult, trafficking needs a means such as deception, threats or debts. Ask about them.',
    no_border_needed: 'No border was crossed: exploitation within one country is trafficking too.',
    smuggling_turned_trafficking:
      'The journey also shows smuggling (an irregular crossing arranged by others for payment); the exploitation that followed makes it trafficking. Both are reported.',
    smuggling_without_exploitation:
      'No exploitation was found. If those who arranged the journey kept control after arrival, screen again: smuggling can turn into trafficking.',
    not_free_on_arrival:
      'The relationship with those who arranged the journey did not end on arrival: look for exploitation.',
    irregular_without_exploitation:
      'Irregular entry or stay is not in itself a sign of trafficking; the person still has rights and may need help.',
    nothing_established: 'Nothing established yet; still open: {items}.',
  },
  signs: 'Signs seen so far, not enough on their own — {element}: {items}.',
  strength: { strong: 'strong', medium: 'medium', weak: 'weak' },
};

const fr: ScreeningMessages = {
  outcome: {
    presumed_trafficking: 'Victime présumée de la traite',
    possible_trafficking: 'Traite possible : davantage d’informations sont nécessaires',
    smuggling_indicated: 'Trafic illicite de migrants indiqué',
    irregular_migration: 'Migration irrégulière : aucune exploitation constatée',
    insufficient_information: 'Pas assez d’informations pour conclure',
  },
  summary: {
    presumed_trafficking:
      'Les faits réunissent tous les éléments de la traite des personnes : traitez la personne comme une victime présumée, avec la protection et l’assistance qui en découlent.',
    possible_trafficking:
      'Des signes de traite ont été relevés, mais tous les éléments ne sont pas établis : continuez d’aider la personne et cherchez ce qui manque.',
    smuggling_indicated:
      'Quelqu’un a organisé un passage irrégulier de la frontière contre paiement : cela indique un trafic illicite de migrants.',
    irregular_migration:
      'La personne est entrée ou a séjourné sans autorisation et personne ne l’exploite : il s’agit de migration irrégulière.',
    insufficient_information:
      'Les réponses n’établissent encore aucun élément : posez les questions restées ouvertes.',
  },
  element: {
    found: 'L’élément « {element} » est établi : {items}.',
    indicated: 'L’élément « {element} » est indiqué par les signes relevés : {items}.',
    ruled_out:
      'L’élément « {element} » est exclu : toutes les questions à son sujet ont reçu la réponse non.',
    unknown: 'L’élément « {element} » n’est pas encore établi ; reste à demander : {items}.',
    not_required: 'L’élément « {element} » n’est pas requis, car la personne était un enfant.',
  },
  note: {
    child_needs_no_means:
      'La personne avait {age} ans lors du recrutement : pour un enfant, l’acte et le but d’exploitation suffisent, aucun moyen n’est requis.',
    age_unknown_means_missing:
      'L’âge n’est pas connu : si la personne avait moins de 18 ans lors du recrutement, aucun moyen n’est requis et il s’agirait de traite. Établissez l’âge.',
    consent_irrelevant:
      'La personne avait d’abord accepté, mais cela n’a pas d’importance : le consentement est indifférent dès qu’un moyen est employé, et un enfant ne peut consentir à son exploitation.',
    consent_matters_without_means:
      'La personne avait d’abord accepté et aucun moyen n’est encore établi : pour un adulte, la traite suppose un moyen comme la tromperie, les menaces ou les dettes. Posez ces questions.',
    no_border_needed:
      'Aucune frontière n’a été franchie : l’exploitation à l’intérieur d’un pays est aussi de la traite.',
    smuggling_turned_trafficking:
      'Le voyage relève aussi du trafic illicite de migrants (passage irrégulier organisé par d’autres contre paiement) ; l’exploitation qui a suivi en fait de la traite. Les deux sont signalés.',
    smuggling_without_exploitation:
      'Aucune exploitation n’a été constatée. Si ceux qui ont organisé le voyage ont gardé le contrôle après l’arrivée, refaites le dépistage : le trafic peut devenir de la traite.',
    not_free_on_arrival:
      'La relation avec ceux qui ont organisé le voyage n’a pas pris fin à l’arrivée : cherchez une exploitation.',
    irregular_without_exploitation:
      'L’entrée ou le séjour irréguliers ne sont pas en soi un signe de traite ; la personne a néanmoins des droits et peut avoir besoin d’aide.',
    nothing_established: 'Rien n’est encore établi ; restent ouverts : {items}.',
  },
  signs: 'Signes relevés jusqu’ici, insuffisants à eux seuls — « {element} » : {items}.',
  strength: { strong: 'fort', medium: 'moyen', weak: 'faible' },
};

const es: ScreeningMessages = {
  outcome: {
    presumed_trafficking: 'Presunta víctima de trata',
    possible_trafficking: 'Posible trata: se necesita más información',
    smuggling_indicated: 'Indicios de tráfico ilícito de migrantes',
    irregular_migration: 'Migración irregular: no se halló explotación',
    insufficient_information: 'No hay información suficiente para concluir',
  },
  summary: {
    presumed_trafficking:
      'Los hechos reúnen todos los elementos de la trata de personas: trate a la persona como presunta víctima, con la protección y la asistencia que ello conlleva.',
    possible_trafficking:
      'Se hallaron indicios de trata, pero no todos los elementos están establecidos: siga asistiendo a la persona y averigüe lo que falta.',
    smuggling_indicated:
      'Alguien organizó un cruce irregular de la frontera a cambio de un pago: esto apunta a tráfico ilícito de migrantes.',
    irregular_migration:
      'La persona entró o permaneció sin autorización y no se halló a nadie que la explote: se trata de migración irregular.',
    insufficient_information:
      'Las respuestas aún no establecen ningún elemento: haga las preguntas pendientes.',
  },
  element: {
    found: 'El elemento «{element}» está establecido: {items}.',
    indicated: 'El elemento «{element}» está indicado por los indicios observados: {items}.',
    ruled_out:
      'El elemento «{element}» está descartado: todas las preguntas sobre él se respondieron que no.',
    unknown: 'El elemento «{element}» aún no está establecido; falta preguntar: {items}.',
    not_required: 'El elemento «{element}» no es necesario, porque la persona era un niño o una niña.',
  },
  note: {
    child_needs_no_means:
      'La persona tenía {age} años al ser captada: para un niño o una niña bastan la acción y el fin de explotación; no se requieren medios.',
    age_unknown_means_missing:
      'No se conoce la edad: si la persona tenía menos de 18 años al ser captada, no se requieren medios y sería trata. Averigüe la edad.',
    consent_irrelevant:
      'La persona aceptó al principio, pero eso no importa: el consentimiento es irrelevante una vez que se usa un medio, y un niño no puede consentir su explotación.',
    consent_matters_without_means:
      'La persona aceptó al principio y aún no se ha hallado ningún medio: para una persona adulta, la trata requiere un medio como el engaño, las amenazas o las deudas. Pregunte por ellos.',
    no_border_needed: 'No se cruzó ninguna frontera: la explotación dentro de un país también es trata.',
    smuggling_turned_trafficking:
      'El viaje muestra también tráfico ilícito de migrantes (un cruce irregular organizado por otros a cambio de un pago); la explotación posterior lo convierte en trata. Se señalan ambos.',
    smuggling_without_exploitation:
      'No se halló explotación. Si quienes organizaron el viaje mantuvieron el control tras la llegada, repita la evaluación: el tráfico puede convertirse en trata.',
    not_free_on_arrival:
      'La relación con quienes organizaron el viaje no terminó a la llegada: busque indicios de explotación.',
    irregular_without_exploitation:
      'La entrada o la estancia irregular no es en sí un indicio de trata; la persona sigue teniendo derechos y puede necesitar ayuda.',
    nothing_established: 'Aún no se ha establecido nada; pendiente: {items}.',
  },
  signs: 'Indicios observados hasta ahora, insuficientes por sí solos — «{element}»: {items}.',
  strength: { strong: 'fuerte', medium: 'medio', weak: 'débil' },
};

const ru: ScreeningMessages = {
  outcome: {
    presumed_trafficking: 'Предполагаемая жертва торговли людьми',
    possible_trafficking: 'Возможная торговля людьми: нужны дополнительные сведения',
    smuggling_indicated: 'Признаки незаконного ввоза мигрантов',
    irregular_migration: 'Незаконная миграция: эксплуатация не выявлена',
    insufficient_information: 'Недостаточно сведений для вывода',
  },
  summary: {
    presumed_trafficking:
      'Факты содержат все элементы торговли людьми: считайте человека предполагаемой жертвой и обеспечьте ему защиту и помощь.',
    possible_trafficking:
      'Выявлены признаки торговли людьми, но не все элементы установлены: продолжайте помогать человеку и выясните недостающее.',
    smuggling_indicated:
      'Кто-то организовал незаконное пересечение границы за плату: это указывает на незаконный ввоз мигрантов.',
    irregular_migration:
      'Человек въехал или находился в стране без разрешения, и никто его не эксплуатирует: это незаконная миграция.',
    insufficient_information: 'Ответы пока не устанавливают ни одного элемента: задайте оставшиеся вопросы.',
  },
  element: {
    found: 'Элемент «{element}» установлен: {items}.',
    indicated: 'На элемент «{element}» указывают выявленные признаки: {items}.',
    ruled_out: 'Элемент «{element}» исключён: на все вопросы о нём дан ответ «нет».',
    unknown: 'Элемент «{element}» пока не установлен; осталось выяснить: {items}.',
    not_required: 'Элемент «{element}» не требуется, так как человек был ребёнком.',
  },
  note: {
    child_needs_no_means:
      'На момент вербовки человеку было {age}: для ребёнка достаточно деяния и цели эксплуатации, средства не требуются.',
    age_unknown_means_missing:
      'Возраст неизвестен: если при вербовке человеку не было 18 лет, средства не требуются и это торговля людьми. Выясните возраст.',
    consent_irrelevant:
      'Человек вначале соглашался, но это не имеет значения: согласие не учитывается, если использовались средства, а ребёнок не может согласиться на эксплуатацию.',
    consent_matters_without_means:
      'Человек вначале соглашался, а средства пока не установлены: для взрослого торговля людьми требует средства — обмана, угроз или долгов. Спросите о них.',
    no_border_needed: 'Граница не пересекалась: эксплуатация внутри одной страны — тоже торговля людьми.',
    smuggling_turned_trafficking:
      'Поездка содержит и признаки незаконного ввоза (незаконное пересечение границы, организованное другими за плату); последовавшая эксплуатация делает это торговлей людьми. Указано и то, и другое.',
    smuggling_without_exploitation:
      'Эксплуатация не выявлена. Если организаторы поездки сохранили контроль после прибытия, проведите оценку снова: незаконный ввоз может перерасти в торговлю людьми.',
    not_free_on_arrival:
      'Отношения с организаторами поездки не закончились по прибытии: ищите признаки эксплуатации.',
    irregular_without_exploitation:
      'Незаконный въезд или пребывание сами по себе не являются признаком торговли людьми; у человека всё равно есть права, и ему может понадобиться помощь.',
    nothing_established: 'Пока ничего не установлено; открыты вопросы: {items}.',
  },
  signs: 'Признаки, выявленные на данный момент, недостаточные сами по себе — «{element}»: {items}.',
  strength: { strong: 'сильный', medium: 'средний', weak: 'слабый' },
};

const zh: ScreeningMessages = {
  outcome: {
    presumed_trafficking: '推定的人口贩运被害人',
    possible_trafficking: '可能涉及人口贩运：需要更多信息',
    smuggling_indicated: '有偷运移民迹象',
    irregular_migration: '非正常移民：未发现剥削',
    insufficient_information: '信息不足，无法得出结论',
  },
  summary: {
    presumed_trafficking: '事实符合人口贩运的全部要素：应将此人视为推定被害人，并给予相应的保护和援助。',
    possible_trafficking: '发现了人口贩运的迹象，但并非所有要素均已确定：请继续援助此人，并查明缺少的信息。',
    smuggling_indicated: '有人收取报酬安排了非正常越境：这表明存在偷运移民。',
    irregular_migration: '此人未经许可入境或居留，且未发现有人剥削此人：这属于非正常移民。',
    insufficient_information: '现有回答尚未确定任何要素：请询问尚未回答的问题。',
  },
  element: {
    found: '已确定"{element}"要素：{items}。',
    indicated: '所观察到的迹象表明存在"{element}"要素：{items}。',
    ruled_out: '已排除"{element}"要素：有关问题均回答为否。',
    unknown: '"{element}"要素尚未确定；仍需询问：{items}。',
    not_required: '由于此人当时是儿童，不需要"{element}"要素。',
  },
  note: {
    child_needs_no_means: '此人被招募时{age}岁：对于儿童，只要有行为和剥削目的即可，不需要手段。',
    age_unknown_means_missing:
      '年龄不详：如果此人被招募时未满18岁，则不需要手段，即构成人口贩运。请查明年龄。',
    consent_irrelevant:
      '此人起初表示同意，但这无关紧要：一旦使用了手段，同意即不相干，而且儿童不能同意被剥削。',
    consent_matters_without_means:
      '此人起初表示同意，且尚未发现任何手段：对成年人而言，人口贩运须有欺骗、威胁或债务等手段。请就此询问。',
    no_border_needed: '未越过边界：在一国境内的剥削同样构成人口贩运。',
    smuggling_turned_trafficking:
      '行程还显示存在偷运移民（他人收取报酬安排的非正常越境）；其后的剥削使之构成人口贩运。两者均予报告。',
    smuggling_without_exploitation:
      '未发现剥削。如果安排行程者在抵达后仍进行控制，请重新筛查：偷运可能演变为人口贩运。',
    not_free_on_arrival: '抵达后此人与安排行程者的关系并未结束：请查找剥削迹象。',
    irregular_without_exploitation:
      '非正常入境或居留本身并不是人口贩运的迹象；此人仍享有权利，并可能需要帮助。',
    nothing_established: '尚未确定任何事项；待查：{items}。',
  },
  signs: '目前观察到的迹象，单独不足以确定——"{element}"：{items}。',
  strength: { strong: '强', medium: '中', weak: '弱' },
};

const ar: ScreeningMessages = {
  outcome: {
    presumed_trafficking: 'ضحية مفترضة للاتجار بالأشخاص',
    possible_trafficking: 'اتجار محتمل: يلزم مزيد من المعلومات',
    smuggling_indicated: 'مؤشرات على تهريب المهاجرين',
    irregular_migration: 'هجرة غير نظامية: لم يُعثر على استغلال',
    insufficient_information: 'المعلومات غير كافية للوصول إلى نتيجة',
  },
  summary: {
    presumed_trafficking:
      'تستوفي الوقائع جميع أركان الاتجار بالأشخاص: عامِل الشخص بوصفه ضحية مفترضة، مع ما يترتب على ذلك من حماية ومساعدة.',
    possible_trafficking:
      'ظهرت علامات على الاتجار لكن ليست كل الأركان ثابتة: واصل مساعدة الشخص وابحث عمّا ينقص.',
    smuggling_indicated: 'دبّر أحدٌ عبوراً غير نظامي للحدود مقابل مال: يشير ذلك إلى تهريب المهاجرين.',
    irregular_migration: 'دخل الشخص أو أقام دون إذن ولم يُعثر على من يستغله: هذه هجرة غير نظامية.',
    insufficient_information: 'لا تُثبت الإجابات أي ركن بعد: اطرح الأسئلة التي لم يُجب عنها.',
  },
  element: {
    found: 'ركن «{element}» ثابت: {items}.',
    indicated: 'تدل العلامات الملاحظة على ركن «{element}»: {items}.',
    ruled_out: 'ركن «{element}» مستبعد: كانت الإجابة عن جميع الأسئلة المتعلقة به بالنفي.',
    unknown: 'ركن «{element}» غير ثابت بعد؛ يبقى السؤال عن: {items}.',
    not_required: 'ركن «{element}» غير مطلوب لأن الشخص كان طفلاً.',
  },
  note: {
    child_needs_no_means:
      'كان عمر الشخص {age} عند تجنيده: بالنسبة للطفل يكفي الفعل وغرض الاستغلال، ولا تُشترط الوسيلة.',
    age_unknown_means_missing:
      'العمر غير معروف: إذا كان الشخص دون 18 عاماً عند تجنيده فلا تُشترط الوسيلة ويكون ذلك اتجاراً. تحقّق من العمر.',
    consent_irrelevant:
      'وافق الشخص في البداية، لكن ذلك لا يهم: لا يُعتدّ بالموافقة متى استُعملت وسيلة، ولا يستطيع الطفل الموافقة على استغلاله.',
    consent_matters_without_means:
      'وافق الشخص في البداية ولم تثبت أي وسيلة بعد: يشترط الاتجار بالبالغين وسيلةً كالخداع أو التهديد أو الديون. اسأل عنها.',
    no_border_needed: 'لم تُعبر أي حدود: الاستغلال داخل بلد واحد اتجار أيضاً.',
    smuggling_turned_trafficking:
      'تُظهر الرحلة أيضاً تهريباً للمهاجرين (عبور غير نظامي دبّره آخرون مقابل مال)؛ والاستغلال الذي تلاه يجعله اتجاراً. ويُبلَّغ عن الأمرين.',
    smuggling_without_exploitation:
      'لم يُعثر على استغلال. إذا احتفظ من دبّروا الرحلة بالسيطرة بعد الوصول فأعد الفحص: قد يتحول التهريب إلى اتجار.',
    not_free_on_arrival: 'لم تنتهِ العلاقة مع من دبّروا الرحلة عند الوصول: ابحث عن الاستغلال.',
    irregular_without_exploitation:
      'الدخول أو الإقامة غير النظاميين ليسا في حد ذاتهما علامة على الاتجار؛ وللشخص مع ذلك حقوق وقد يحتاج إلى مساعدة.',
    nothing_established: 'لم يثبت شيء بعد؛ يبقى مفتوحاً: {items}.',
  },
  signs: 'علامات لوحظت حتى الآن ولا تكفي وحدها — «{element}»: {items}.',
  strength: { strong: 'قوي', medium: 'متوسط', weak: 'ضعيف' },
};

export const SCREENING_MESSAGES: Record<Language, ScreeningMessages> = { en, fr, es, ru, zh, ar };
