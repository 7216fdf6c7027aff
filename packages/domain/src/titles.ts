/** 中共城中区十一届委员会 + 第三轮 + 第一巡察组 → 中共城中区十一届委员会第三轮巡察第一巡察组 */
export function roundTitle(round: { committee: string; roundName: string; groupName: string }): string {
  const roundPart = round.roundName.endsWith('巡察') ? round.roundName : `${round.roundName}巡察`;
  return `${round.committee}${roundPart}${round.groupName}`;
}
