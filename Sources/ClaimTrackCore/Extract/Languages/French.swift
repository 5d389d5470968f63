/// French attribution rules (issue 21). Written from French news style (AFP, Le Monde, Le
/// Parisien, franceinfo): the inverted cue after a quotation ("« … », a déclaré le ministre",
/// "a-t-il ajouté"), "selon" and "d'après", the conditional of unconfirmed facts ("aurait") and
/// « … » quotations.
extension LanguageRules {
    static let french = LanguageRules(
        code: "fr",
        reportingVerbs: [
            "déclaré", "déclare", "déclarent", "déclarait", "affirmé", "affirme", "affirment", "affirmait", "indiqué",
            "indique", "indiquent", "expliqué", "explique", "expliquent", "ajouté", "ajoute", "ajoutent", "précisé",
            "précise", "précisent", "annoncé", "annonce", "annoncent", "assuré", "assure", "assurent", "estimé", "estime",
            "estiment", "souligné", "souligne", "soulignent", "rappelé", "rappelle", "rappellent", "confirmé", "confirme",
            "démenti", "dément", "démentent", "dit", "disent", "écrit", "écrivent", "raconté", "raconte", "racontent",
            "réagi", "réagit", "lancé", "lance", "confié", "confie", "expliqué", "martelé", "insisté", "insiste",
            "reconnu", "reconnaît", "admis", "admet", "dénoncé", "dénonce", "dénoncent", "révélé", "révèle", "rapporté",
            "rapporte", "signalé", "signale", "averti", "prévenu", "répondu", "répond", "réclamé", "réclame", "réclament",
            "demandé", "demande", "demandent", "félicité", "réjoui", "ironisé", "ironise", "tweeté", "publié", "noté",
            "note", "observé", "observe", "poursuivi", "conclu", "jugé", "juge", "jugent", "salué", "salue", "condamné",
            "revendiqué", "regretté", "regrette", "regrettent", "souhaité", "souhaite", "plaidé", "plaide",
            "témoigné", "témoigne", "relevé", "relève", "évoqué", "évoque", "évoquent", "parlé", "parle", "parlent",
            "prévoit", "prévoient", "assuré",
        ],
        positionVerbs: [
            "pense", "pensent", "croit", "croient", "craint", "craignent", "espère", "espèrent", "mettent", "met",
            "redoutent", "redoute", "critiquent", "critique", "jugent", "regrettent", "dénoncent", "évoquent", "prévoit",
            "prévoient", "réclament", "parle", "parlent", "estiment",
        ],
        auxiliaries: ["a", "ont", "avait", "avaient", "aura", "s'est", "se", "sont", "est", "s'était"],
        passiveAuxiliaries: ["été"],
        passiveParticiples: ["révélée", "révélé", "révélées", "révélés", "confirmée", "confirmé", "confirmées", "rapportée",
                             "rapporté", "annoncée", "annoncé", "démentie", "démenti", "publiée", "publié", "citée", "cité"],
        agentPrepositions: ["par"],
        cuesBefore: [["selon"], ["d'après"], ["de", "l'avis", "de"], ["aux", "dires", "de"], ["citant"], ["cité", "par"]],
        cuesAfter: [],
        cueBeforeExceptions: [["selon", "les", "cas"], ["selon", "que"], ["selon", "qu'il"], ["selon", "qu'elle"], ["selon", "moi"],
                              ["selon", "nous"]],
        determiners: ["le", "la", "les", "l'", "un", "une", "des", "du", "son", "sa", "ses", "leur", "leurs", "ce", "cet",
                      "cette", "ces", "plusieurs", "certains", "certaines", "de", "d'"],
        feminineDeterminers: ["la", "une", "sa", "cette"],
        masculineDeterminers: ["le", "un", "son", "ce", "cet", "du"],
        pronouns: ["il": Pronoun(gender: .male, plural: false), "elle": Pronoun(gender: .female, plural: false),
                   "lui": Pronoun(gender: .male, plural: false), "ils": Pronoun(gender: .male, plural: true),
                   "elles": Pronoun(gender: .female, plural: true), "eux": Pronoun(gender: .male, plural: true)],
        impersonal: ["on", "ça", "cela"],
        sourceStops: [
            "à", "au", "aux", "lors", "en", "dans", "sur", "pour", "après", "avant", "devant", "avec", "depuis", "selon", "sans",
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "ce", "cette", "qui", "que",
            "qu'il", "qu'elle", "mais", "et", "puis", "dont", "auprès", "face", "vers", "contre", "par", "à l'issue",
            "ensuite", "encore", "aussi", "également", "pas", "ne", "n'a", "lors",
        ],
        sourceLinks: ["de", "du", "des", "d'", "de la"],
        clauseOpeners: ["et", "mais", "que", "qu'", "car", "donc", "puis"],
        frontedOpeners: [],
        verbFinalOpeners: [],
        capitalizedNouns: false,
        personHeads: [
            "ministre", "porte-parole", "président", "présidente", "maire", "préfet", "préfète", "procureur", "procureure",
            "avocat", "avocate", "commandant", "commandante", "pompier", "pdg", "directeur", "directrice", "militant",
            "militante", "secrétaire", "député", "députée", "sénateur", "sénatrice", "juge", "chef", "cheffe",
            "responsable", "dirigeant", "dirigeante", "adjoint", "adjointe", "conseiller", "conseillère", "chercheur",
            "chercheuse", "économiste", "médecin", "témoin", "habitant", "habitante", "enseignant", "enseignante",
            "intéressé", "intéressée", "père", "mère", "homme", "femme", "cadre", "syndicaliste", "policier",
            "policière", "gendarme", "élu", "élue", "patron", "patronne", "fondateur", "fondatrice", "expert", "experte",
            "analyste", "spécialiste", "sociologue", "politologue", "entraîneur", "joueur", "joueuse", "candidat",
            "candidate", "délégué", "déléguée", "commissaire", "victime", "suspect", "accusé", "accusée",
        ],
        femininePersonHeads: [
            "présidente", "préfète", "procureure", "avocate", "commandante", "directrice", "militante", "députée",
            "sénatrice", "cheffe", "dirigeante", "adjointe", "conseillère", "chercheuse", "habitante", "enseignante",
            "intéressée", "mère", "femme", "policière", "élue", "patronne", "fondatrice", "experte", "joueuse",
            "candidate", "déléguée", "accusée",
        ],
        organizationHeads: [
            "ministère", "parquet", "préfecture", "gouvernement", "police", "gendarmerie", "entreprise", "groupe", "société",
            "fédération", "syndicat", "conseil", "direction", "collectif", "opposition", "mairie", "ville", "commune",
            "région", "département", "assemblée", "sénat", "tribunal", "cour", "association", "agence", "banque",
            "institut", "office", "autorité", "commission", "constructeur", "compagnie", "fédération", "parti", "élysée",
            "matignon", "club", "université", "hôpital", "armée", "état", "service", "services", "cabinet", "union",
            "observatoire", "haut", "conseil", "fondation", "organisation", "chambre", "caisse", "sncf", "insee",
        ],
        documentHeads: ["rapport", "étude", "décision", "sondage", "données", "communiqué", "document", "documents", "arrêt",
                        "jugement", "enquête", "note", "lettre", "courrier", "chiffres", "bilan", "statistiques",
                        "projet", "texte", "avis", "relevé", "baromètre"],
        vagueHeads: ["experts", "enquêteurs", "observateurs", "économistes", "syndicats", "avocats", "habitants", "associations",
                     "climatologues", "analystes", "spécialistes", "riverains", "militants", "sources", "responsables",
                     "autorités", "scientifiques", "chercheurs", "médecins", "témoins", "élus", "proches", "voisins",
                     "usagers", "parents", "salariés", "agents", "policiers", "professionnels", "critiques", "opposants",
                     "défenseurs", "manifestants", "secouristes", "pompiers", "services"],
        anonymousHeads: ["source", "responsable", "cadre", "proche", "fonctionnaire", "diplomate", "policier", "enquêteur",
                         "membre", "salarié", "salariée", "conseiller"],
        anonymityMarkers: ["anonymat", "sous couvert", "requis l'anonymat", "souhaité rester anonyme", "garder l'anonymat"],
        indefiniteDeterminers: ["un", "une"],
        femaleNames: [
            "catherine", "anne", "rachida", "marine", "élisabeth", "elisabeth", "ségolène", "valérie", "agnès", "christiane",
            "nathalie", "isabelle", "sophie", "brigitte", "aurore", "clémentine", "mathilde", "amélie", "sandrine",
            "karine", "véronique", "florence", "hélène", "martine", "sylvie", "françoise", "dominique", "najat", "yaël",
            "prisca", "aurélie", "marlène", "clotilde", "manon", "léa", "chloé", "camille", "laurence", "juliette",
        ],
        maleNames: [
            "frédéric", "arnaud", "julien", "jean-françois", "gérald", "bruno", "éric", "eric", "emmanuel", "pierre-édouard",
            "jean-pierre", "roland", "antoine", "pierre", "jean", "françois", "nicolas", "jean-luc", "édouard", "gabriel",
            "olivier", "jordan", "laurent", "michel", "philippe", "jacques", "yannick", "fabien", "raphaël", "sébastien",
            "stéphane", "benoît", "hervé", "thierry", "patrick", "didier", "gilles", "xavier", "damien", "christophe",
            "jérôme", "rené", "rémi", "grégoire", "mathieu", "matthieu", "guillaume", "alexis", "loïc", "yves",
            "jean-marie", "jean-michel", "jean-claude", "jean-paul", "jean-louis", "jean-noël", "louis", "henri", "marc",
        ],
        hedges: ["aurait", "auraient", "serait", "seraient", "présumé", "présumée", "présumés", "présumées", "supposé",
                 "supposée", "prétendu", "prétendue", "présumément", "probablement", "vraisemblablement", "apparemment",
                 "selon toute vraisemblance", "pourrait", "pourraient", "semble", "semblent", "serait", "aurait été"],
        reportedSpeechForms: [],
        opinionMarkers: [
            "un pas dans la bonne direction", "cauchemardesque", "le débat ne fait que", "risque d'empoisonner",
            "reste un luxe", "est lancé", "il faudra", "il faut", "faut-il", "à quand", "hélas", "heureusement",
            "malheureusement", "scandaleux", "honteux", "inacceptable", "quel ", "c'est un pas", "ne fait que commencer",
            "on peut se demander", "reste à savoir",
        ],
        callToAction: ["suivez toute", "suivez-nous", "abonnez-vous", "inscrivez-vous", "lire aussi", "à lire aussi",
                       "newsletter", "téléchargez", "notre application", "retrouvez"],
        evaluationCues: phrases([
            "salue", "saluent", "salué", "dénonce", "dénoncent", "dénoncé", "regrette", "regrettent", "regretté",
            "déplore", "déplorent", "déploré", "fustige", "fustigent", "fustigé", "ironise", "ironisent", "ironisé",
            "critiquent", "critiqué", "parle d'un", "parle d'une", "parlent d'un", "parlent d'une", "parlé d'un",
            "parlé d'une", "jugent", "qualifie", "qualifient", "se réjouit", "se réjouissent",
        ]),
        opinionCues: phrases([
            "met en garde", "mettent en garde", "mis en garde", "s'attend à", "s'attendent à", "craint", "craignent",
            "redoute", "redoutent", "espère", "espèrent", "s'inquiète", "s'inquiètent", "considère que",
            "considèrent que",
        ]),
        forecastModals: ["pourrait", "pourraient"],
        perfectAuxiliaries: ["avoir", "être", "été"],
        stanceCueExceptions: [],
        stanceFillers: ["aussi", "également", "toutefois", "pourtant", "cependant", "déjà", "encore"],
        complementizers: ["que"],
        quotedOpinionMarkers: [
            "c'est un", "c'est une", "ce sont des", "c'était un", "c'était une", "il faut", "il faudra", "nous devons",
            "on doit", "doit", "doivent", "devrait", "devraient", "trop", "sur la bonne voie", "enfin", "hélas", "heureusement",
            "malheureusement", "je suis fier", "je suis fière", "nous sommes fiers", "j'espère", "nous espérons",
            "je pense", "je crois", "nous croyons",
        ],
        factWords: ["premier", "première", "plus grand", "plus grande", "plus haut", "plus haute", "plus bas", "plus basse",
                    "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "douze", "vingt", "cent",
                    "mille", "moitié", "tiers", "quart", "doublé", "sans précédent"],
        factStems: ["record", "million", "milliard", "centaine", "dizaine", "millier"],
        outlets: """
        Le Figaro|Figaro|lefigaro.fr
        Libération|Libé;Liberation|liberation.fr
        Le Parisien|Parisien;Le Parisien-Aujourd'hui en France|leparisien.fr
        Les Échos|Les Echos;Échos|lesechos.fr
        L'Express|Express|lexpress.fr
        Le Point||lepoint.fr
        L'Obs|Le Nouvel Observateur;Nouvel Obs|nouvelobs.com
        Ouest-France|Ouest France|ouest-france.fr
        franceinfo|France Info;France Télévisions|francetvinfo.fr
        BFMTV|BFM TV;BFM|bfmtv.com
        TF1|TF1 Info|tf1info.fr
        Radio France internationale|RFI|rfi.fr
        France 24||france24.com
        Radio France|France Inter;France Culture|radiofrance.fr
        Mediapart||mediapart.fr
        La Croix||la-croix.com
        20 Minutes||20minutes.fr
        Le Journal du dimanche|JDD;Journal du dimanche|lejdd.fr
        Le Canard enchaîné|Canard enchaîné|lecanardenchaine.fr
        L'Humanité|Humanité|humanite.fr
        La Dépêche du Midi|La Dépêche|ladepeche.fr
        Sud Ouest||sudouest.fr
        Le Progrès||leprogres.fr
        Belga|agence Belga|belga.be
        Le Soir||lesoir.be
        La Presse||lapresse.ca
        Le Devoir||ledevoir.com
        Radio-Canada|ICI Radio-Canada|radio-canada.ca
        Le Temps||letemps.ch
        Agence France-Presse|AFP;l'AFP;Agence France Presse|afp.com
        Le Monde|Monde|lemonde.fr
        """
    )
}
