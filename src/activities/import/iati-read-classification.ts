// An IATI activity's classification: Concerted's extension when the file has it, else what its codes and words suggest.
import { readCode, unknownCode } from './codes.js';
import type { IatiReader } from './iati.js';
import { inferClassification, type NamedText } from './iati-classification.js';

type CodeList = 'activity_type' | 'pillar' | 'chain_stage' | 'form_of_exploitation' | 'target_group';

export function classify(reader: IatiReader, texts: readonly NamedText[]) {
  return reader.extension ? fromExtension(reader) : fromHints(reader, texts);
}

/** Our own element says it all; an activity type left out keeps the activity unclassified. */
function fromExtension(reader: IatiReader) {
  const ext = reader.extension?.attributes ?? {};
  const column = (name: string) => `concerted:classification/@${name}`;
  const code = (value: string | undefined, list: CodeList, name: string) => {
    if (!value) return null;
    const found = readCode(list, value);
    if (!found) reader.problem(column(name), unknownCode(list, value));
    return found;
  };
  const list = (
    value: string | undefined,
    name: 'form_of_exploitation' | 'target_group',
    attribute: string,
  ) =>
    (value ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((typed) => code(typed, name, attribute) ?? []);
  const activityType = code(ext['activity-type'], 'activity_type', 'activity-type');
  return {
    isTraffickingRelated: true,
    pillar: activityType ? (code(ext.pillar, 'pillar', 'pillar') ?? undefined) : undefined,
    activityType,
    classificationHints: [],
    forms: list(ext.forms, 'form_of_exploitation', 'forms'),
    targetGroups: list(ext['target-groups'], 'target_group', 'target-groups'),
    chainStage: code(ext['chain-stage'], 'chain_stage', 'chain-stage'),
  };
}

function fromHints(reader: IatiReader, texts: readonly NamedText[]) {
  const inferred = inferClassification(reader.node, texts, (type) => reader.pillarOf(type));
  if (inferred.activityType && inferred.isActivityTypeAssumed)
    reader.warn(
      'sector',
      `activity type ${inferred.activityType} assumed for the ${inferred.pillar} pillar (${inferred.activityTypeSource}); check it`,
    );
  else if (inferred.activityType)
    reader.warn(
      'sector',
      `activity type ${inferred.activityType} inferred from ${inferred.activityTypeSource}`,
    );
  else
    reader.warn(
      'sector',
      inferred.isTraffickingRelated
        ? 'The activity speaks of trafficking but nothing says what kind of work it is; imported unclassified, to be classified'
        : 'Nothing in the activity speaks of trafficking in persons (no DAC sector 15190, 15180 or 15160 with such words, no SDG target 5.2, 8.7 or 16.2); imported unclassified, to be classified or removed',
    );
  return {
    isTraffickingRelated: inferred.isTraffickingRelated,
    pillar: inferred.pillar ?? undefined,
    activityType: inferred.activityType,
    classificationHints: inferred.hints,
    forms: inferred.forms,
    targetGroups: inferred.targetGroups,
    chainStage: null,
  };
}
