// TODO: implementation pending
