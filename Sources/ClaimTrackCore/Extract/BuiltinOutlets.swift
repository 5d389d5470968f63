/// The built-in outlet directory: news outlets and wire services, their
/// aliases and domains. A source that names one is of kind `outlet`, and
/// its domain lets the resolve stage look for the cited page.
/// One entry a line: name | aliases separated by ";" | domain.
enum BuiltinOutlets {
    static let table = """
    Reuters|Thomson Reuters;Reuters news agency|reuters.com
    Associated Press|AP;The Associated Press;AP News|apnews.com
    Agence France-Presse|AFP;Agence France Presse|afp.com
    Bloomberg|Bloomberg News;Bloomberg L.P.|bloomberg.com
    United Press International|UPI|upi.com
    Deutsche Presse-Agentur|dpa|dpa.com
    Xinhua|Xinhua News Agency|xinhuanet.com
    Kyodo News|Kyodo|kyodonews.net
    Yonhap|Yonhap News Agency|yna.co.kr
    TASS|ITAR-TASS|tass.com
    RIA Novosti|RIA|ria.ru
    Interfax||interfax.com
    ANSA||ansa.it
    EFE|Agencia EFE|efe.com
    Press Trust of India|PTI|ptinews.com
    Anadolu Agency|Anadolu|aa.com.tr
    Australian Associated Press|AAP|aap.com.au
    Canadian Press|The Canadian Press;CP|thecanadianpress.com
    Press Association|PA Media;PA|pa.media
    Europa Press||europapress.es
    The New York Times|New York Times;NYT;NY Times;the Times|nytimes.com
    The Washington Post|Washington Post;WaPo;the Post|washingtonpost.com
    The Wall Street Journal|Wall Street Journal;WSJ;the Journal|wsj.com
    USA Today||usatoday.com
    Los Angeles Times|LA Times;L.A. Times|latimes.com
    Chicago Tribune||chicagotribune.com
    The Boston Globe|Boston Globe|bostonglobe.com
    New York Post|The New York Post;NY Post|nypost.com
    New York Daily News|Daily News|nydailynews.com
    Newsday||newsday.com
    The San Francisco Chronicle|San Francisco Chronicle|sfchronicle.com
    The Miami Herald|Miami Herald|miamiherald.com
    The Dallas Morning News|Dallas Morning News|dallasnews.com
    Houston Chronicle||houstonchronicle.com
    The Atlanta Journal-Constitution|Atlanta Journal-Constitution;AJC|ajc.com
    The Philadelphia Inquirer|Philadelphia Inquirer|inquirer.com
    The Seattle Times|Seattle Times|seattletimes.com
    The Denver Post|Denver Post|denverpost.com
    The Star Tribune|Star Tribune|startribune.com
    Tampa Bay Times||tampabay.com
    The Arizona Republic|Arizona Republic|azcentral.com
    The Detroit News|Detroit News|detroitnews.com
    Detroit Free Press||freep.com
    The Sacramento Bee|Sacramento Bee|sacbee.com
    The Baltimore Sun|Baltimore Sun|baltimoresun.com
    The Orange County Register|OC Register|ocregister.com
    The Oregonian||oregonlive.com
    The Plain Dealer|Cleveland Plain Dealer|cleveland.com
    The Christian Science Monitor|Christian Science Monitor;CSM|csmonitor.com
    The Hill||thehill.com
    Politico|POLITICO|politico.com
    Axios||axios.com
    The Atlantic||theatlantic.com
    The New Yorker|New Yorker|newyorker.com
    Time|TIME magazine;Time magazine|time.com
    Newsweek||newsweek.com
    The Daily Beast|Daily Beast|thedailybeast.com
    HuffPost|Huffington Post;The Huffington Post|huffpost.com
    BuzzFeed News|BuzzFeed|buzzfeednews.com
    Vox||vox.com
    Slate||slate.com
    Salon||salon.com
    Mother Jones||motherjones.com
    The Nation||thenation.com
    National Review||nationalreview.com
    The Weekly Standard|Weekly Standard|weeklystandard.com
    Washington Examiner||washingtonexaminer.com
    The Washington Times|Washington Times|washingtontimes.com
    Breitbart News|Breitbart|breitbart.com
    Fox News|Fox;Fox News Channel|foxnews.com
    CNN|Cable News Network|cnn.com
    MSNBC||msnbc.com
    NBC News|NBC|nbcnews.com
    CBS News|CBS|cbsnews.com
    ABC News|ABC|abcnews.go.com
    PBS NewsHour|PBS|pbs.org
    NPR|National Public Radio|npr.org
    C-SPAN||c-span.org
    CNBC||cnbc.com
    Fox Business||foxbusiness.com
    The Daily Caller|Daily Caller|dailycaller.com
    The Intercept|Intercept|theintercept.com
    ProPublica||propublica.org
    The Marshall Project||themarshallproject.org
    Vice News|VICE;Vice|vice.com
    Business Insider|Insider|businessinsider.com
    Forbes||forbes.com
    Fortune||fortune.com
    MarketWatch||marketwatch.com
    Barron's|Barrons|barrons.com
    Quartz||qz.com
    The Verge|Verge|theverge.com
    Wired|WIRED|wired.com
    TechCrunch||techcrunch.com
    Ars Technica||arstechnica.com
    Engadget||engadget.com
    CNET||cnet.com
    ZDNet||zdnet.com
    The Register||theregister.com
    Scientific American||scientificamerican.com
    National Geographic||nationalgeographic.com
    Nature||nature.com
    Science|Science magazine|science.org
    The Lancet|Lancet|thelancet.com
    New England Journal of Medicine|NEJM|nejm.org
    JAMA|Journal of the American Medical Association|jamanetwork.com
    The BMJ|BMJ;British Medical Journal|bmj.com
    Snopes||snopes.com
    PolitiFact||politifact.com
    FactCheck.org||factcheck.org
    Roll Call||rollcall.com
    The Texas Tribune|Texas Tribune|texastribune.org
    Deseret News||deseret.com
    Voice of America|VOA|voanews.com
    Radio Free Europe/Radio Liberty|RFE/RL;Radio Free Europe|rferl.org
    Radio Free Asia|RFA|rfa.org
    BBC|BBC News;the BBC;British Broadcasting Corporation|bbc.com
    The Guardian|Guardian|theguardian.com
    The Observer||theguardian.com
    The Times of London|The Times (London);The Times|thetimes.co.uk
    The Sunday Times||thetimes.co.uk
    The Telegraph|Daily Telegraph;The Daily Telegraph|telegraph.co.uk
    The Independent|Independent|independent.co.uk
    Financial Times|FT;the FT|ft.com
    The Economist|Economist|economist.com
    Daily Mail|The Daily Mail;Mail Online;MailOnline|dailymail.co.uk
    The Sun||thesun.co.uk
    Daily Mirror|The Mirror;Mirror|mirror.co.uk
    Daily Express|The Express;Express|express.co.uk
    Evening Standard|London Evening Standard|standard.co.uk
    Sky News||news.sky.com
    ITV News|ITV|itv.com
    Channel 4 News||channel4.com
    The Spectator||spectator.co.uk
    New Statesman||newstatesman.com
    The Scotsman||scotsman.com
    The Herald|Herald Scotland|heraldscotland.com
    The Irish Times|Irish Times|irishtimes.com
    Irish Independent||independent.ie
    RTÉ|RTE|rte.ie
    Le Monde||lemonde.fr
    Le Figaro||lefigaro.fr
    Libération|Liberation|liberation.fr
    France 24|France24|france24.com
    Radio France Internationale|RFI|rfi.fr
    Der Spiegel|Spiegel;Der Spiegel magazine|spiegel.de
    Die Zeit|Zeit|zeit.de
    Frankfurter Allgemeine Zeitung|FAZ;Frankfurter Allgemeine|faz.net
    Süddeutsche Zeitung|Sueddeutsche Zeitung;SZ|sueddeutsche.de
    Die Welt|Welt|welt.de
    Bild||bild.de
    Handelsblatt||handelsblatt.com
    Deutsche Welle|DW|dw.com
    Neue Zürcher Zeitung|NZZ|nzz.ch
    Der Standard||derstandard.at
    El País|El Pais|elpais.com
    El Mundo||elmundo.es
    ABC (Spain)|ABC.es|abc.es
    La Vanguardia||lavanguardia.com
    Corriere della Sera|Corriere|corriere.it
    La Repubblica|Repubblica|repubblica.it
    La Stampa||lastampa.it
    Il Sole 24 Ore||ilsole24ore.com
    RAI||rai.it
    Público||publico.pt
    Folha de S.Paulo|Folha de São Paulo;Folha|folha.uol.com.br
    O Globo|Globo|oglobo.globo.com
    Estadão|O Estado de S. Paulo|estadao.com.br
    Clarín|Clarin|clarin.com
    La Nación|La Nacion|lanacion.com.ar
    El Universal||eluniversal.com.mx
    Reforma||reforma.com
    NOS||nos.nl
    De Volkskrant|Volkskrant|volkskrant.nl
    NRC Handelsblad|NRC|nrc.nl
    Le Soir||lesoir.be
    Politiken||politiken.dk
    Dagens Nyheter||dn.se
    Aftenposten||aftenposten.no
    Helsingin Sanomat||hs.fi
    Gazeta Wyborcza||wyborcza.pl
    Kommersant||kommersant.ru
    Vedomosti||vedomosti.ru
    Novaya Gazeta||novayagazeta.ru
    Meduza||meduza.io
    RT|Russia Today|rt.com
    Sputnik||sputnikglobe.com
    Kyiv Independent||kyivindependent.com
    Ukrainska Pravda||pravda.com.ua
    Hürriyet|Hurriyet|hurriyet.com.tr
    Haaretz||haaretz.com
    The Times of Israel|Times of Israel|timesofisrael.com
    The Jerusalem Post|Jerusalem Post|jpost.com
    Al Jazeera|Aljazeera|aljazeera.com
    Al Arabiya||alarabiya.net
    Asharq Al-Awsat||aawsat.com
    The National|The National (UAE)|thenationalnews.com
    Gulf News||gulfnews.com
    Arab News||arabnews.com
    Dawn||dawn.com
    The Express Tribune|Express Tribune|tribune.com.pk
    The Times of India|Times of India;TOI|timesofindia.indiatimes.com
    The Hindu||thehindu.com
    Hindustan Times||hindustantimes.com
    The Indian Express|Indian Express|indianexpress.com
    NDTV||ndtv.com
    The Economic Times|Economic Times|economictimes.indiatimes.com
    The Daily Star (Bangladesh)|The Daily Star|thedailystar.net
    South China Morning Post|SCMP|scmp.com
    China Daily||chinadaily.com.cn
    Global Times||globaltimes.cn
    People's Daily|People’s Daily|people.com.cn
    CGTN|China Global Television Network|cgtn.com
    Caixin||caixinglobal.com
    Taipei Times||taipeitimes.com
    Focus Taiwan|Central News Agency;CNA (Taiwan)|focustaiwan.tw
    The Japan Times|Japan Times|japantimes.co.jp
    Nikkei|Nikkei Asia;Nikkei Asian Review|asia.nikkei.com
    Asahi Shimbun|The Asahi Shimbun;Asahi|asahi.com
    Yomiuri Shimbun|The Yomiuri Shimbun;Yomiuri|yomiuri.co.jp
    Mainichi Shimbun|The Mainichi;Mainichi|mainichi.jp
    NHK||nhk.or.jp
    The Korea Herald|Korea Herald|koreaherald.com
    The Korea Times|Korea Times|koreatimes.co.kr
    JoongAng Daily|Korea JoongAng Daily;JoongAng Ilbo|joongang.co.kr
    Chosun Ilbo|The Chosun Ilbo|chosun.com
    The Straits Times|Straits Times|straitstimes.com
    Channel NewsAsia|CNA|channelnewsasia.com
    Bangkok Post||bangkokpost.com
    The Jakarta Post|Jakarta Post|thejakartapost.com
    Rappler||rappler.com
    Philippine Daily Inquirer|Inquirer|inquirer.net
    VnExpress||vnexpress.net
    The Australian||theaustralian.com.au
    The Sydney Morning Herald|Sydney Morning Herald;SMH|smh.com.au
    The Age||theage.com.au
    ABC (Australia)|Australian Broadcasting Corporation;ABC News (Australia)|abc.net.au
    News.com.au||news.com.au
    The Australian Financial Review|Australian Financial Review;AFR|afr.com
    The New Zealand Herald|New Zealand Herald;NZ Herald|nzherald.co.nz
    Stuff||stuff.co.nz
    RNZ|Radio New Zealand|rnz.co.nz
    The Globe and Mail|Globe and Mail|theglobeandmail.com
    Toronto Star|The Toronto Star|thestar.com
    National Post||nationalpost.com
    CBC News|CBC;Canadian Broadcasting Corporation|cbc.ca
    CTV News|CTV|ctvnews.ca
    Global News||globalnews.ca
    Mail & Guardian|Mail and Guardian|mg.co.za
    News24||news24.com
    Daily Maverick||dailymaverick.co.za
    The East African||theeastafrican.co.ke
    Daily Nation|Nation (Kenya)|nation.africa
    Premium Times||premiumtimesng.com
    Punch|The Punch|punchng.com
    Ahram Online|Al-Ahram|english.ahram.org.eg
    The Moscow Times|Moscow Times|themoscowtimes.com
    Euronews||euronews.com
    Politico Europe||politico.eu
    EUobserver||euobserver.com
    Bellingcat||bellingcat.com
    The Conversation||theconversation.com
    Semafor||semafor.com
    The Information||theinformation.com
    Puck||puck.news
    Mediapart||mediapart.fr
    Reuters Institute||reutersinstitute.politics.ox.ac.uk
    Kyiv Post||kyivpost.com
    Yahoo News|Yahoo|news.yahoo.com
    Google News||news.google.com
    Daily Kos||dailykos.com
    The Blaze|TheBlaze|theblaze.com
    Newsmax||newsmax.com
    One America News|OAN;One America News Network|oann.com
    The Federalist||thefederalist.com
    Townhall||townhall.com
    RealClearPolitics|RCP;Real Clear Politics|realclearpolitics.com
    FiveThirtyEight|538|fivethirtyeight.com
    Talking Points Memo|TPM|talkingpointsmemo.com
    The Root||theroot.com
    Rolling Stone||rollingstone.com
    Variety||variety.com
    The Hollywood Reporter|Hollywood Reporter|hollywoodreporter.com
    TheWrap|The Wrap|thewrap.com
    Deadline|Deadline Hollywood|deadline.com
    Box Office Mojo||boxofficemojo.com
    TMZ||tmz.com
    Billboard||billboard.com
    IndieWire||indiewire.com
    Entertainment Weekly|EW|ew.com
    Vulture||vulture.com
    Pitchfork||pitchfork.com
    E! News||eonline.com
    Page Six||pagesix.com
    Us Weekly||usmagazine.com
    ESPN||espn.com
    Sports Illustrated||si.com
    The Athletic||theathletic.com
    Consumer Reports||consumerreports.org
    Kaiser Health News|KHN;KFF Health News|kffhealthnews.org
    STAT|STAT News|statnews.com
    Reveal||revealnews.org
    Center for Investigative Reporting|CIR|revealnews.org
    The Texas Observer||texasobserver.org
    The Boston Herald|Boston Herald|bostonherald.com
    Las Vegas Review-Journal|Review-Journal|reviewjournal.com
    The Des Moines Register|Des Moines Register|desmoinesregister.com
    The Courier-Journal|Courier Journal|courier-journal.com
    The Tennessean||tennessean.com
    The Kansas City Star|Kansas City Star|kansascity.com
    St. Louis Post-Dispatch|Post-Dispatch|stltoday.com
    Milwaukee Journal Sentinel|Journal Sentinel|jsonline.com
    Pittsburgh Post-Gazette|Post-Gazette|post-gazette.com
    The Charlotte Observer|Charlotte Observer|charlotteobserver.com
    The News & Observer|News and Observer|newsobserver.com
    The Virginian-Pilot||pilotonline.com
    Orlando Sentinel||orlandosentinel.com
    Sun Sentinel||sun-sentinel.com
    The Salt Lake Tribune|Salt Lake Tribune|sltrib.com
    Honolulu Star-Advertiser|Star-Advertiser|staradvertiser.com
    Anchorage Daily News||adn.com
    """
}
