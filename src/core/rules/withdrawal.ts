// Rule 7: a requester can withdraw their comment at any time: the text is erased, and while the
// campaign is open it stops counting (the pot goes down). After the campaign, the money stays.
export interface WithdrawalEffect {
  eraseText: true;
  reverseContribution: boolean;
}

export function planWithdrawal(input: { contributionActive: boolean; campaignOpen: boolean }): WithdrawalEffect {
  return { eraseText: true, reverseContribution: input.contributionActive && input.campaignOpen };
}
