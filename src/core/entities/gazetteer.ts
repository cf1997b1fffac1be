/**
 * Organisations the tagger cannot know: its model was fitted on Reuters news of 1996-97 (CoNLL-2003), before TikTok,
 * OpenAI or the Houthis were in the news, and it reads such one-word names as people or places ("TikTok said" is a
 * person to it, "OpenAI" a place). The document pass (index.ts) types every mention of a name below as an
 * organisation, also where the tagger found nothing.
 *
 * What goes in: well-known organisations of the news since the late 1990s (technology and AI companies, carmakers,
 * aerospace and defence firms, airlines, banks, drug makers, media and retail firms, football clubs, armed groups,
 * United Nations agencies and other international bodies), and only names that are an organisation in EVERY reading
 * when written with their capitals. Not a surname, first name, place or common word too: no "Apple", "Amazon",
 * "Shell", "Oracle", "Visa", "Ford", "Dell", "Tesla", "Bloomberg", "Mercedes", "Williams", "Chelsea", "Everton",
 * "Celtic", "Wagner", "Emirates", "Roche", "Thales", "Zara", "Lazio", "Napoli", "Dangote" (the man; "Dangote Group" is
 * in). Names the tagger already types well (old firms of the lexicon) need not be here, but
 * do no harm. Matching is on whole words, case-insensitively on the key (mixed-case text needs the name's capitals).
 */
const NAMES = [
  // technology and AI
  'OpenAI', 'Anthropic', 'DeepMind', 'Google DeepMind', 'Nvidia', 'TikTok', 'ByteDance', 'Spotify', 'Netflix', 'Huawei',
  'Xiaomi', 'Tencent', 'Alibaba', 'Baidu', 'Samsung', 'Samsung Electronics', 'Qualcomm', 'Broadcom', 'Microsoft',
  'Google', 'Alphabet', 'Meta', 'Meta Platforms', 'Facebook', 'Instagram', 'WhatsApp', 'YouTube', 'LinkedIn',
  'Snapchat', 'Pinterest', 'Reddit', 'Uber', 'Lyft', 'Airbnb', 'PayPal', 'SpaceX', 'Blue Origin', 'Palantir',
  'Salesforce', 'Cisco', 'IBM', 'AMD', 'Advanced Micro Devices', 'TSMC', 'ASML', 'Micron', 'SK Hynix', 'Foxconn',
  'Nintendo', 'Shopify', 'Databricks', 'CrowdStrike', 'Cloudflare', 'Dropbox', 'WeChat', 'Weibo', 'Douyin', 'Temu',
  'Shein', 'Ericsson', 'Nokia', 'Vodafone', 'Jio', 'Jio Platforms', 'Reliance Jio', 'Reliance Industries', 'Infosys',
  'Wipro', 'Meituan', 'Pinduoduo', 'Xpeng', 'BYD', 'CATL', 'Geely', 'Hugging Face', 'Mistral AI', 'Microsoft Azure',
  'Intel', 'Motorola', 'Lenovo', 'Sony', 'Panasonic', 'Toshiba', 'Hitachi', 'Fujitsu', 'Siemens', 
  'Accenture', 'Deloitte', 'PwC', 'KPMG', 'Epic Games', 'Riot Games', 'Rockstar Games', 'Electronic Arts',
  // carmakers
  'Volkswagen', 'Toyota', 'Nissan', 'Hyundai', 'BMW', 'Renault', 'Peugeot', 'Stellantis', 'Porsche', 'Volvo',
  'Jaguar Land Rover', 'JLR', 'Rivian', 'Polestar', 'General Motors', 'Chrysler', 'Fiat', 'Audi', 'Lamborghini',
  'Aston Martin', 'Red Bull Racing', 'Mercedes-Benz', 'Daimler', 'Kia',
  // aerospace, space and defence
  'Airbus', 'Boeing', 'Safran', 'Rolls-Royce', 'Lockheed Martin', 'Northrop Grumman', 'Raytheon', 'RTX',
  'BAE Systems', 'Embraer', 'Bombardier', 'Arianespace', 'ArianeGroup', 'Eumetsat', 'Roscosmos',
  'ISRO', 'JAXA', 'ESA', 'NASA', 'Rocket Lab', 'Intuitive Machines', 'Astrobotic', 'Rheinmetall', 'Saab', 'Anduril',
  // airlines
  'Ryanair', 'EasyJet', 'Lufthansa', 'Qatar Airways', 'Etihad', 'Qantas', 'KLM', 'Air France', 'British Airways',
  'Delta Air Lines', 'United Airlines', 'American Airlines', 'Southwest Airlines', 'JetBlue', 'Wizz Air',
  'Aeroflot', 'Cathay Pacific', 'Singapore Airlines', 'Turkish Airlines', 'IndiGo', 'Air India', 'Virgin Atlantic',
  // banks, finance
  'JPMorgan', 'JPMorgan Chase', 'JP Morgan', 'Goldman Sachs', 'Morgan Stanley', 'Citigroup', 'HSBC', 'Barclays', 'NatWest',
  'Lloyds', 'Santander', 'BNP Paribas', 'Deutsche Bank', 'UBS', 'Credit Suisse', 'Nomura', 'Mizuho', 'BlackRock',
  'Berkshire Hathaway', 'Mastercard', 'Revolut', 'Monzo', 'Klarna', 'Coinbase', 'Binance', 'FTX', 'Commerzbank',
  'Société Générale', 'Societe Generale', 'Standard Chartered', 'ING', 'Rabobank', 'Raiffeisen',
  // drug makers
  'Pfizer', 'Moderna', 'AstraZeneca', 'BioNTech', 'Novartis', 'Sanofi', 'GSK', 'GlaxoSmithKline',
  'Novo Nordisk', 'Eli Lilly', 'Bavarian Nordic', 'Gilead', 'Regeneron', 'AbbVie', 'Bristol Myers Squibb',
  'Teva', 'Takeda', 
  // retail, consumer, media
  'Walmart', 'Tesco', 'Asda', 'Aldi', 'Lidl', 'Carrefour', 'Ikea', 'IKEA', 'Nike', 'Adidas', 'Unilever', 'Nestlé',
  'Nestle', 'Coca-Cola', 'PepsiCo', 'Starbucks', 'Disney', 'Warner Bros. Discovery', 'Paramount', 'Universal Music',
  'Sony Music', 'Republic Records', 'A24', 'HBO', 'Hulu', 'BBC', 'ITV', 'CNN', 'Reuters', 'Crimestoppers',
  'Primark', 'Inditex', 'H&M', 'L\'Oréal', 'LVMH', 'Kering', 'Heineken', 'Diageo', 'AB InBev',
  // energy, mining, industry
  'BP', 'ExxonMobil', 'Exxon', 'Chevron', 'TotalEnergies', 'Gazprom', 'Rosneft', 'Lukoil', 'Aramco', 'Saudi Aramco',
  'Equinor', 'Eni', 'Ukrenergo', 'Naftogaz', 'Centrica', 'Glencore', 'Rio Tinto', 'BHP', 'Anglo American',
  'ArcelorMittal', 'Dangote Group', 'Maersk', 'Ørsted', 'Orsted', 'Iberdrola', 'EDF',
  // football clubs whose names are no place's
  'Arsenal', 'Real Madrid', 'Atletico Madrid', 'Bayern Munich', 'Borussia Dortmund', 'Juventus', 'Inter Milan',
  'AC Milan', 'Paris Saint-Germain', 'PSG', 'Tottenham Hotspur', 'Aston Villa', 'Manchester United',
  'Manchester City', 'Newcastle United', 'West Ham', 'West Ham United', 'Wolverhampton Wanderers',
  'Nottingham Forest', 'Leeds United', 'Leicester City', 'Brighton & Hove Albion', 'Sporting Lisbon', 'Benfica',
  'Feyenoord', 'Galatasaray', 'Fenerbahce', 'Fenerbahçe', 'Besiktas', 'Olympiacos', 
  'Fiorentina', 'Athletic Bilbao', 'RB Leipzig', 'Bayer Leverkusen', 'Eintracht Frankfurt',
  'Inter Miami', 'Los Angeles FC', 'Al Nassr', 'Al Hilal', 'Al Ittihad',
  // armed groups, movements
  'Hezbollah', 'Hamas', 'Houthis', 'Taliban', 'ISIS', 'ISIL', 'Islamic State', 'al-Qaeda', 'al-Qaida', 'Al Qaeda',
  'al-Shabab', 'al-Shabaab', 'Boko Haram', 'Wagner Group', 'Islamic Jihad', 'PKK', 'IRGC', 'Hayat Tahrir al-Sham',
  'HTS', 'M23', 'Fatah', 'Rapid Support Forces', 'Revolutionary Guards',
  // United Nations agencies, international and public bodies, charities
  'UNRWA', 'UNICEF', 'Unicef', 'UNHCR', 'UNESCO', 'Unesco', 'WFP', 'OCHA', 'IAEA', 'ICJ', 'IMF', 'OPEC', 'Opec',
  'NATO', 'Nato', 'OECD', 'WTO', 'FIFA', 'Fifa', 'UEFA', 'Uefa', 'IOC', 'BCCI', 'Interpol', 'Europol', 'Frontex',
  'Eurostat', 'Ofcom', 'Ofgem', 'Ofwat', 'Ofsted', 'UKHSA', 'Médecins Sans Frontières', 'MSF', 'Amnesty International',
  'Human Rights Watch', 'Greenpeace', 'Oxfam', 'Save the Children', 'ASEAN', 'Asean', 'Mercosur',
];

let table: Map<string, true> | null = null;

/** The gazetteer's names, lower-cased (keys as the document pass writes them: the text of the span, lower-cased). */
export function gazetteer(): Map<string, true> {
  if (table) return table;
  table = new Map();
  for (const n of NAMES) table.set(n.toLowerCase(), true);
  return table;
}
