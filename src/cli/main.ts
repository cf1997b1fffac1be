// Placeholder: replaced by the CLI (foundation issue).
process.stderr.write('scraped-news: not implemented yet\n');
process.exit(2);
