// TODO pending
