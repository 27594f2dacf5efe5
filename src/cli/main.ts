// The `concerted` command line: one subcommand group per capability.
import { Command } from 'commander';
import { activitiesCommand } from './activities-command.js';
import { assistanceCommand } from './assistance-command.js';
import { auditCommand } from './audit-command.js';
import { casesCommand } from './cases-command.js';
import { commitmentsCommand } from './commitments-command.js';
import { coverageCommand } from './coverage-command.js';
import { dbCommand } from './db-command.js';
import { intermediariesCommand } from './intermediaries-command.js';
import { keysCommand } from './keys-command.js';
import { knowledgeCommand } from './knowledge-command.js';
import { organisationsCommand } from './organisations-command.js';
import { plansCommand } from './plans-command.js';
import { referenceCommand } from './reference-command.js';
import { releaseCommand } from './release-command.js';
import { serveCommand } from './serve-command.js';
import { servicesCommand } from './services-command.js';
import { statsCommand } from './stats-command.js';
import { usersCommand } from './users-command.js';

export function buildProgram(): Command {
  return new Command('concerted')
    .description('Concerted: coordinated action against trafficking in persons')
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    .addCommand(serveCommand())
    .addCommand(dbCommand())
    .addCommand(referenceCommand())
    .addCommand(usersCommand())
    .addCommand(auditCommand())
    .addCommand(organisationsCommand())
    .addCommand(activitiesCommand())
    .addCommand(coverageCommand())
    .addCommand(statsCommand())
    .addCommand(casesCommand())
    .addCommand(servicesCommand())
    .addCommand(plansCommand())
    .addCommand(releaseCommand())
    .addCommand(assistanceCommand())
    .addCommand(knowledgeCommand())
    .addCommand(commitmentsCommand())
    .addCommand(intermediariesCommand())
    .addCommand(keysCommand());
}

export async function main(argv: string[]): Promise<void> {
  await buildProgram().parseAsync(argv);
}

const isEntryPoint = import.meta.url === `file://${process.argv[1]}`;
if (isEntryPoint) await main(process.argv);
