"""The pre-procurement gate: a decision per plan, the questions to ask and the contract
conditions to demand, and decision records."""
