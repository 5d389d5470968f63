/// Spanish attribution rules (issue 21). Written from Spanish news style (EFE, Europa Press, El
/// País, elDiario.es): the post-posed cue ("…, dijo el ministro"), "según" and "de acuerdo con",
/// the hedges of the judicial report ("presuntamente", "pudo haber"), «…» quotations and the
/// dash of dialogue ("—No tengo nada que esconder —dijo Ábalos—.").
extension LanguageRules {
    static let spanish = LanguageRules(
        code: "es",
        reportingVerbs: [
            "dijo", "dice", "dicen", "dijeron", "decía", "afirmó", "afirma", "afirman", "afirmaron", "aseguró", "asegura",
            "aseguran", "aseguraron", "asegurado", "explicó", "explica", "explican", "explicaron", "explicado", "señaló",
            "señala", "señalan", "señalaron", "señalado", "añadió", "añade", "añadieron", "declaró", "declara",
            "declararon", "declarado", "informó", "informa", "informan", "informaron", "informado", "indicó", "indica",
            "indicaron", "precisó", "precisa", "recordó", "recuerda", "recordaron", "destacó", "destaca", "subrayó",
            "advirtió", "advierte", "advierten", "advirtieron", "anunció", "anuncia", "anunciaron", "anunciado",
            "confirmó", "confirma", "confirmaron", "confirmado", "negó", "niega", "niegan", "sostuvo", "sostiene",
            "sostienen", "sostenía", "relató", "relata", "contó", "cuenta", "manifestó", "expresó", "reconoció",
            "admitió", "denunció", "denuncia", "denuncian", "denunciado", "lamentó", "lamenta", "reclamó", "reclama",
            "pidió", "pide", "piden", "exigió", "exige", "exigen", "criticó", "critica", "critican", "rechazó", "rechaza",
            "rechazan", "calificó", "califica", "acusó", "acusa", "defendió", "defiende", "celebró", "celebra",
            "escribió", "publicó", "tuiteó", "respondió", "responde", "apuntó", "apunta", "insistió", "insiste",
            "comentó", "opinó", "considera", "consideran", "consideró", "estima", "estiman", "emitido", "dicho",
            "reveló", "revela", "detalló", "detalla", "agregó", "sentenció", "ironizó", "alertó", "avisó",
            // Third person plural of the preterite, as often in reports as the singular.
            "relataron", "contaron", "lamentaron", "reclamaron", "pidieron", "exigieron", "criticaron", "rechazaron",
            "calificaron", "acusaron", "defendieron", "celebraron", "escribieron", "publicaron", "respondieron",
            "apuntaron", "insistieron", "comentaron", "revelaron", "detallaron", "agregaron", "alertaron", "denunciaron",
            "destacaron", "precisaron", "manifestaron", "expresaron", "reconocieron", "admitieron", "negaron",
            "sostuvieron", "decían", "señalaban", "explicaban", "aseguraban", "relatan", "cuentan", "recuerdan",
        ],
        positionVerbs: [
            "considera", "consideran", "cree", "creen", "teme", "temen", "espera", "esperan", "culpan", "culpa", "critican",
            "estiman", "advierten", "denuncian", "piden", "exigen", "rechazan", "celebró", "defendió",
        ],
        auxiliaries: ["ha", "han", "había", "habían", "habría", "hubiera", "he", "hemos"],
        passiveAuxiliaries: ["fue", "fueron", "sido", "es", "son"],
        passiveParticiples: ["informado", "informada", "confirmado", "confirmada", "revelado", "revelada", "publicado",
                             "publicada", "citado", "citada", "denunciado", "denunciada", "adelantado", "adelantada"],
        agentPrepositions: ["por"],
        cuesBefore: [["de", "acuerdo", "con"], ["según"], ["a", "decir", "de"], ["en", "palabras", "de"], ["conforme", "a"],
                     ["citando", "a"], ["citado", "por"]],
        cuesAfter: [],
        cueBeforeExceptions: [["según", "parece"], ["según", "el", "caso"], ["según", "los", "casos"], ["según", "yo"]],
        determiners: ["el", "la", "los", "las", "un", "una", "unos", "unas", "del", "al", "su", "sus", "este", "esta", "estos",
                      "estas", "ese", "esa", "varios", "varias", "algunos", "algunas", "otros", "otras"],
        feminineDeterminers: ["la", "una", "esta", "esa"],
        masculineDeterminers: ["el", "un", "del", "al", "este", "ese"],
        pronouns: ["él": Pronoun(gender: .male, plural: false), "ella": Pronoun(gender: .female, plural: false),
                   "ellos": Pronoun(gender: .male, plural: true), "ellas": Pronoun(gender: .female, plural: true)],
        impersonal: ["se", "ello", "esto", "eso"],
        sourceStops: [
            "a", "al", "en", "ante", "tras", "durante", "desde", "para", "con", "sobre", "este", "esta", "ayer", "hoy",
            "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "que", "quien", "y", "pero",
            "mientras", "antes", "después", "según", "sin", "hacia", "contra", "entre", "no", "también", "además",
            "luego", "por",
        ],
        sourceLinks: ["de", "del", "de la"],
        clauseOpeners: ["y", "pero", "que", "aunque", "porque", "mientras", "e"],
        frontedOpeners: [],
        verbFinalOpeners: [],
        capitalizedNouns: false,
        personHeads: [
            "ministro", "ministra", "vicepresidente", "vicepresidenta", "presidente", "presidenta", "portavoz", "alcalde",
            "alcaldesa", "consejero", "consejera", "comisario", "comisaria", "jefe", "jefa", "abogado", "abogada",
            "letrado", "letrada", "juez", "jueza", "futbolista", "entrenador", "entrenadora", "vecino", "vecina",
            "director", "directora", "secretario", "secretaria", "diputado", "diputada", "senador", "senadora",
            "fiscal", "líder", "delegado", "delegada", "experto", "experta", "economista", "médico", "médica",
            "testigo", "padre", "madre", "hombre", "mujer", "agente", "instructor", "instructora",
            "magistrado", "magistrada", "sindicalista", "dirigente", "responsable", "coordinador", "coordinadora",
            "investigador", "investigadora", "profesor", "profesora", "analista", "candidato", "candidata",
            "exministro", "exministra", "expresidente", "expresidenta", "consejero delegado", "víctima", "acusado",
            "acusada", "detenido", "detenida", "capitán", "jugador", "jugadora", "inspector", "inspectora",
        ],
        femininePersonHeads: [
            "ministra", "vicepresidenta", "presidenta", "alcaldesa", "consejera", "comisaria", "jefa", "abogada", "letrada",
            "jueza", "entrenadora", "vecina", "directora", "secretaria", "diputada", "senadora", "delegada", "experta",
            "médica", "madre", "mujer", "instructora", "magistrada", "coordinadora", "investigadora", "profesora",
            "candidata", "exministra", "expresidenta", "acusada", "detenida", "jugadora", "inspectora",
        ],
        organizationHeads: [
            "ministerio", "gobierno", "policía", "guardia", "fiscalía", "delegación", "junta", "club", "empresa", "compañía",
            "agencia", "patronal", "partido", "ayuntamiento", "tribunal", "audiencia", "generalitat", "comisión",
            "consejo", "congreso", "senado", "sindicato", "asociación", "federación", "banco", "instituto", "universidad",
            "hospital", "ejército", "servicio", "oficina", "organización", "fundación", "plataforma", "portal",
            "grupo", "aerolínea", "eléctrica", "cámara", "corte", "juzgado", "dirección", "departamento", "centro",
            "unidad", "cuerpo", "autoridad", "confederación", "coalición", "sector", "aena", "ceoe",
        ],
        documentHeads: ["informe", "estudio", "sentencia", "auto", "encuesta", "datos", "balance", "comunicado", "documento",
                        "documentos", "registro", "registros", "resolución", "nota", "carta", "análisis", "cifras",
                        "estadística", "estadísticas", "barómetro", "sondeo", "decreto", "escrito", "último balance"],
        vagueHeads: ["expertos", "analistas", "vecinos", "ecologistas", "propietarios", "fuentes", "investigadores",
                     "especialistas", "científicos", "médicos", "testigos", "sindicatos", "críticos", "agentes",
                     "autoridades", "responsables", "economistas", "usuarios", "trabajadores", "familiares", "padres",
                     "residentes", "activistas", "organizaciones", "asociaciones", "ciudadanos", "otros", "inquilinos",
                     "afectados", "observadores"],
        anonymousHeads: ["fuente", "responsable", "funcionario", "funcionaria", "diplomático", "agente", "miembro",
                         "persona", "trabajador", "trabajadora", "empleado", "empleada", "cargo", "alto"],
        anonymityMarkers: ["anonimato", "anónimo", "anónima", "prefirió no identificarse", "pidió no ser identificado",
                           "pidió no ser identificada"],
        indefiniteDeterminers: ["un", "una"],
        femaleNames: [
            "yolanda", "ana", "carme", "isabel", "maría", "maria", "carmen", "pilar", "teresa", "cristina", "irene",
            "ione", "montserrat", "montse", "ada", "inés", "mónica", "begoña", "margarita", "dolores", "rocío", "lucía",
            "elena", "marta", "raquel", "sara", "laura", "patricia", "nadia", "meritxell", "esperanza", "cayetana",
            "soraya", "susana", "beatriz", "rosa", "mercedes", "paloma", "ángela", "sonia", "silvia",
        ],
        maleNames: [
            "antonio", "carlos", "rafael", "josé", "jose", "josé luis", "miguel", "vicente", "daniel", "roberto", "jaume",
            "pedro", "alberto", "eddie", "óscar", "oscar", "carlo", "koldo", "santiago", "pablo", "íñigo", "gabriel",
            "juan", "juanma", "manuel", "francisco", "javier", "jesús", "fernando", "luis", "alfonso", "felipe",
            "mariano", "albert", "oriol", "carles", "salvador", "fernando", "diego", "sergio", "alejandro", "andrés",
            "ramón", "enrique", "ignacio", "ángel", "joaquín", "julio", "emiliano", "gustavo", "ricardo", "raúl",
            "xavier", "endrick",
        ],
        hedges: ["presuntamente", "presunto", "presunta", "presuntos", "presuntas", "supuestamente", "supuesto", "supuesta",
                 "pudo haber", "podría haber", "habría", "habrían", "al parecer", "probablemente", "aparentemente",
                 "posiblemente", "según parece", "podría", "podrían", "estaría", "estarían", "sería", "serían"],
        reportedSpeechForms: [],
        opinionMarkers: [
            "una tragedia que", "demasiadas veces", "alguien tendrá que", "se ha convertido en un lujo", "como siempre",
            "otro caso que demuestra", "ya sueña", "es una pregunta", "lamentablemente", "por desgracia", "vergüenza",
            "inaceptable", "hace falta", "hay que", "habrá que", "ojalá", "sin duda",
        ],
        callToAction: ["síguenos", "suscríbete", "suscríbase", "newsletter", "boletín", "lee también", "leer más",
                       "descarga", "te puede interesar", "únete"],
        evaluationCues: phrases([
            "calificó", "califica", "calificaron", "califican", "celebró", "celebra", "celebraron", "celebran", "defendió",
            "defiende", "defendieron", "defienden", "lamentó", "lamenta", "lamentaron", "lamentan", "criticó", "critica",
            "criticaron", "critican", "elogió", "elogia", "elogiaron", "aplaudió", "aplaude", "aplaudieron", "tachó",
            "tildó",
        ]),
        opinionCues: phrases([
            "consideran que", "considera que", "consideró que", "consideraron que", "advirtió de que", "advirtió que",
            "advierte de que", "advierte que", "advierten de que", "advirtieron", "teme que", "temen que", "espera que",
            "esperan que", "confía en que", "confían en que",
        ]),
        forecastModals: ["podría", "podrían"],
        perfectAuxiliaries: ["haber"],
        stanceCueExceptions: phrases(["se celebró", "se celebra", "se celebraron", "se celebran"]),
        stanceFillers: ["también", "además", "ya", "todavía"],
        complementizers: ["que"],
        quotedOpinionMarkers: [
            "es un", "es una", "esto es", "eso es", "es solo", "es sólo", "fue un", "fue una", "hay que", "debemos",
            "tenemos que", "deben", "debe", "debería", "deberían", "demasiado", "por buen camino", "en el buen camino", "por fin", "ojalá", "lamentablemente",
            "me siento", "estoy orgulloso", "estoy orgullosa", "espero", "esperamos", "creo que", "creemos que",
        ],
        factWords: ["récord", "mayor", "primer", "primera", "máximo", "mínimo", "dos", "tres", "cuatro", "cinco", "seis",
                    "siete", "ocho", "nueve", "diez", "doce", "veinte", "cien", "mil", "millón", "millones", "mitad",
                    "tercio", "cuarto", "duplicado", "sin precedentes"],
        factStems: ["récord", "centenar", "decena", "millar"],
        outlets: """
        El País|El Pais;diario El País|elpais.com
        El Mundo|diario El Mundo|elmundo.es
        ABC|diario ABC|abc.es
        La Vanguardia|Vanguardia|lavanguardia.com
        El Confidencial|Confidencial|elconfidencial.com
        elDiario.es|eldiario.es;elDiario|eldiario.es
        Radiotelevisión Española|RTVE;TVE;Radio Nacional|rtve.es
        Cadena SER|SER;la SER|cadenaser.com
        COPE|Cadena COPE|cope.es
        Antena 3|Antena 3 Noticias|antena3.com
        laSexta|La Sexta|lasexta.com
        Marca|diario Marca|marca.com
        As|diario As|as.com
        El Periódico|El Periódico de Catalunya|elperiodico.com
        La Razón|Razón|larazon.es
        Agencia EFE|EFE;la agencia EFE|efe.com
        Europa Press||europapress.es
        Clarín||clarin.com
        La Nación||lanacion.com.ar
        Infobae||infobae.com
        El Universal||eluniversal.com.mx
        El Tiempo||eltiempo.com
        Reforma||reforma.com
        El Comercio||elcomercio.pe
        La Tercera||latercera.com
        Página 12|Página/12|pagina12.com.ar
        Notimex||notimex.gob.mx
        Público||publico.es
        """
    )
}
